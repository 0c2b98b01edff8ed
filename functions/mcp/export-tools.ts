// MCP tools for exports: start one, poll it (optionally waiting, with progress), and links to download it.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { z } from "zod";
import { apiError } from "../../core/errors.ts";
import { type ApiCaller, type ApiError, ApiFailure } from "./api.ts";
import { progressOf } from "./progress.ts";
import { run } from "./results.ts";
import { MAX_WAIT_S, readWhile } from "./wait.ts";

const exportId = z.string().min(1).describe("The export's id (exp_…), from start_export.");
const POLL_MS = 1000;

interface ExportInfo {
  id: string;
  status: "pending" | "processing" | "completed" | "failed";
  progress: number;
  [more: string]: unknown;
}

const settled = (e: ExportInfo) => e.status === "completed" || e.status === "failed";

export function registerExportTools(server: McpServer, api: ApiCaller) {
  const read = (id: string) => api.json<ExportInfo>("GET", `/api/exports/${encodeURIComponent(id)}`);

  server.registerTool(
    "start_export",
    {
      title: "Export the video",
      description:
        "Renders the project's current video to an MP4. The render runs on the server whatever happens to this " +
        "connection; follow it with get_export. Answers {id, status, progress}.",
      inputSchema: {
        projectId: z.string().min(1).describe("The project's id (prj_…)."),
        idempotencyKey: z
          .string()
          .min(1)
          .max(200)
          .optional()
          .describe("Retrying with the same key answers the same export instead of starting another."),
      },
    },
    ({ projectId, idempotencyKey }) =>
      run(async () => {
        const headers = idempotencyKey ? { "Idempotency-Key": idempotencyKey } : undefined;
        return api.json<ExportInfo>("POST", `/api/projects/${encodeURIComponent(projectId)}/exports`, {
          body: {},
          headers,
        });
      }),
  );

  server.registerTool(
    "get_export",
    {
      title: "Poll an export",
      description:
        "An export's status (pending → processing → completed, or failed with an error), progress 0–100, and " +
        "once completed its size, duration and whether the project changed since (outdated). With waitSeconds " +
        `(up to ${MAX_WAIT_S}) it waits for the render to settle, reporting progress meanwhile.`,
      inputSchema: {
        exportId,
        waitSeconds: z
          .number()
          .int()
          .min(0)
          .max(MAX_WAIT_S)
          .optional()
          .describe("How long to wait for it to settle."),
      },
      annotations: { readOnlyHint: true },
    },
    ({ exportId, waitSeconds = 0 }, extra) =>
      run(async () => {
        const report = progressOf(extra);
        // Progress notifications must increase: one per new percentage.
        let reported = -1;
        return readWhile(
          await read(exportId),
          () => read(exportId),
          (e) => !settled(e),
          {
            everyMs: POLL_MS,
            untilMs: Date.now() + waitSeconds * 1000,
            onEach: async (exp) => {
              if (exp.progress <= reported) return;
              reported = exp.progress;
              await report(reported, `${exp.status} ${exp.progress}%`, 100);
            },
          },
        );
      }),
  );

  server.registerTool(
    "get_download_link",
    {
      title: "Links to a finished video",
      description:
        "For a completed export (export_pending until then): downloadUrl (the MP4, sent with the same Authorization: Bearer key) and a public " +
        "share link valid 30 days that needs no key: pageUrl (a page with the video) and videoUrl (the MP4 itself).",
      inputSchema: { exportId },
    },
    ({ exportId }) =>
      run(async () => {
        const exp = await read(exportId);
        // The API has no file to share until then; say why rather than "not found" (a failed export's own reason).
        if (exp.status === "failed")
          throw new ApiFailure(
            (exp.error as ApiError | undefined) ?? apiError("render_failed", api.lang).error,
          );
        if (exp.status !== "completed") throw new ApiFailure(apiError("export_pending", api.lang).error);
        const id = encodeURIComponent(exportId);
        const share = await api.json<{ url: string; expiresAt: number }>("POST", `/api/exports/${id}/share`);
        return {
          downloadUrl: `${api.origin}/api/exports/${id}/download`,
          pageUrl: share.url,
          videoUrl: `${share.url}/video`,
          expiresAt: share.expiresAt,
        };
      }),
  );
}
