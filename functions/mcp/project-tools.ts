// MCP tools for presets, projects (create, list, read) and bringing in a file by its URL.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { PRESETS } from "../../core/presets.ts";
import { type ApiCaller, type ApiError, ApiFailure } from "./api.ts";
import { run } from "./results.ts";
import { MAX_WAIT_S, readWhile } from "./wait.ts";

const presetIds = PRESETS.map((p) => p.id) as [string, ...string[]];
const projectId = z
  .string()
  .min(1)
  .describe("The project's id (prj_…), from create_project or list_projects.");

const HAND_OFF_POLL_MS = 500;

interface UploadInfo {
  id: string;
  state: "uploading" | "stored" | "sent" | "ready" | "failed";
  error?: ApiError;
  [more: string]: unknown;
}

interface PresetInfo {
  id: string;
  label: unknown;
  description: unknown;
  canvas: unknown;
  defaultDurationSec: number;
  maxDurationSec: number;
  uploadLimit: unknown;
}

export function registerProjectTools(server: McpServer, api: ApiCaller) {
  server.registerTool(
    "list_presets",
    {
      title: "List platform presets",
      description:
        "The platforms Reelsmith makes videos for (xiaohongshu, weixin, douyin, tiktok, reels, shorts, bilibili …): " +
        "canvas, default and longest length, and the largest file each accepts. Pick one for create_project.",
      annotations: { readOnlyHint: true },
    },
    () =>
      run(async () => {
        const { presets } = await api.json<{ presets: PresetInfo[] }>("GET", "/api/presets");
        return {
          presets: presets.map((p) => ({
            id: p.id,
            label: p.label,
            description: p.description,
            canvas: p.canvas,
            defaultDurationSec: p.defaultDurationSec,
            maxDurationSec: p.maxDurationSec,
            uploadLimit: p.uploadLimit,
          })),
        };
      }),
  );

  server.registerTool(
    "create_project",
    {
      title: "Create a project",
      description: "Starts a video project for one platform preset. Answers the project with its id.",
      inputSchema: {
        preset: z.enum(presetIds).describe("The platform preset, from list_presets."),
        title: z.string().min(1).max(120).optional().describe("A title; the download is named after it."),
        language: z.enum(["en", "zh"]).optional().describe("The language Reelsmith answers in."),
      },
    },
    (args) => run(() => api.json("POST", "/api/projects", { body: args })),
  );

  server.registerTool(
    "list_projects",
    {
      title: "List projects",
      description: "The caller's projects, newest activity first, with their latest poster.",
      inputSchema: {
        cursor: z.string().optional().describe("nextCursor from the previous page, when there was one."),
      },
      annotations: { readOnlyHint: true },
    },
    ({ cursor }) =>
      run(async () => {
        const query = cursor ? `?cursor=${encodeURIComponent(cursor)}` : "";
        const page = await api.json<{
          projects: unknown[];
          nextCursor?: string | null;
          cursor?: string | null;
        }>("GET", `/api/projects${query}`);
        return { projects: page.projects, nextCursor: page.nextCursor ?? page.cursor ?? null };
      }),
  );

  server.registerTool(
    "get_project",
    {
      title: "Read a project's state",
      description:
        "The project, a one-line summary of the video so far, its timeline (one lane per track), whether it is " +
        "ready to export, the conversation, its uploads and its exports (each says whether it is outdated).",
      inputSchema: { projectId },
      annotations: { readOnlyHint: true },
    },
    ({ projectId }) =>
      run(async () => {
        const { draft: _draft, ...state } = await api.json<Record<string, unknown>>(
          "GET",
          `/api/projects/${encodeURIComponent(projectId)}`,
        );
        return state;
      }),
  );

  server.registerTool(
    "import_url",
    {
      title: "Add a file by its URL",
      description:
        "Brings a photo, clip or song that is already online into the project: a public https:// link to the file " +
        `itself (no password, IP address or private host). Waits (up to ${MAX_WAIT_S} s) for the editor to ` +
        "measure it and answers the upload: state ready with its media, or still sent if the editor is slow (send_instruction " +
        "waits for it). A file the editor refuses is a tool error. Add every file before send_instruction; files " +
        "reach the editor in the order they are added.",
      inputSchema: {
        projectId,
        url: z.string().url().max(2048).describe("https:// address of the file."),
      },
    },
    ({ projectId, url }) =>
      run(async () => {
        const imported = await api.json<UploadInfo>(
          "POST",
          `/api/projects/${encodeURIComponent(projectId)}/imports`,
          { body: { url } },
        );
        const path = `/api/uploads/${encodeURIComponent(imported.id)}`;
        const upload = await readWhile(
          imported,
          () => api.json<UploadInfo>("GET", path),
          (u) => u.state === "sent",
          { everyMs: HAND_OFF_POLL_MS, untilMs: Date.now() + MAX_WAIT_S * 1000 },
        );
        if (upload.state === "failed" && upload.error) throw new ApiFailure(upload.error);
        return upload;
      }),
  );
}
