// What a user can read back through the public API after a fault: exports and their errors in EN and ZH, the
// downloaded MP4 checked with ffprobe, the project's transcript.
import { spawnSync } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { isErrorCode } from "../../core/errors.ts";
import type { BenchUser } from "../user-client.ts";
import type { Observed } from "./outcome.ts";

export interface ErrorWords {
  code: string;
  message: string;
  hint: string;
}

export interface ExportState {
  id: string;
  status: "pending" | "processing" | "completed" | "failed";
  progress: number;
  size?: number;
  error?: ErrorWords;
}

export interface ProjectState {
  transcript: Array<{ role: string; text: string }>;
  summary: string;
  ready: boolean;
  draft: unknown;
  uploads: Array<{ id: string; name: string; state: string }>;
  exports: ExportState[];
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export const getExport = (user: BenchUser, id: string, lang: "en" | "zh" = "en") =>
  user.json<ExportState>("GET", `/api/exports/${id}`, undefined, { "Accept-Language": lang });

export const getProject = (user: BenchUser, id: string) =>
  user.json<ProjectState>("GET", `/api/projects/${id}`);

export const startExport = (user: BenchUser, projectId: string) =>
  user.json<ExportState>("POST", `/api/projects/${projectId}/exports`, {});

/** Polls until `until` holds (default: the export ended), as the page does; null when `timeoutMs` passes first. */
export async function waitExport(
  user: BenchUser,
  id: string,
  timeoutMs: number,
  until: (e: ExportState) => boolean = (e) => e.status === "completed" || e.status === "failed",
): Promise<ExportState | null> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    // A Worker being restarted does not answer: the page keeps polling, and so does this.
    const e = await getExport(user, id).catch(() => null);
    if (e && until(e)) return e;
    if (Date.now() > deadline) return null;
    await sleep(500);
  }
}

/** Raw internals a user must never read: ffmpeg's and Node's words, errno names, stack frames. */
const RAW =
  /ffmpeg|ENOSPC|ECONNREFUSED|errno|No space left|Conversion failed|\bat \w+ \(|\.ts:\d+|undefined|null/i;

/** Checks that `error` is a catalogue error, worded in English and in Chinese; answers "code: message" for the table. */
export function checkWords(o: Observed, en: ErrorWords | undefined, zh: ErrorWords | undefined): string {
  if (!o.check(!!en && !!zh, "no error to show")) return "no error";
  o.check(isErrorCode(en!.code) && en!.code !== "internal", `error code ${en!.code} is not a catalogue code`);
  o.check(en!.code === zh!.code, "EN and ZH codes differ");
  o.check(
    !RAW.test(`${en!.message} ${en!.hint} ${zh!.message} ${zh!.hint}`),
    `raw words shown: ${en!.message}`,
  );
  o.check(
    /[\u4e00-\u9fff]/.test(zh!.message) && !/[\u4e00-\u9fff]/.test(en!.message),
    "not worded in EN and ZH",
  );
  return `${en!.code}: "${en!.message}" / "${zh!.message}"`;
}

/** The export's error as the user reads it in both languages. */
export async function exportWords(o: Observed, user: BenchUser, id: string): Promise<string> {
  const [en, zh] = await Promise.all([getExport(user, id, "en"), getExport(user, id, "zh")]);
  return checkWords(o, en.error, zh.error);
}

export interface Mp4Check {
  bytes: number;
  duration: number;
  streams: string;
}

/** Downloads the export whole and probes it: a playable MP4 with video and sound, `expectS` seconds long. */
export async function checkDownload(
  o: Observed,
  user: BenchUser,
  id: string,
  expectS: number,
): Promise<Mp4Check> {
  const { res } = await user.request("GET", `/api/exports/${id}/download`);
  const body = new Uint8Array(await res.arrayBuffer());
  o.check(res.ok, `download answered ${res.status}`);
  const dir = mkdtempSync(join(tmpdir(), "reelsmith-faults-"));
  try {
    const file = join(dir, "export.mp4");
    writeFileSync(file, body);
    const probe = spawnSync(
      "ffprobe",
      ["-v", "error", "-show_entries", "format=duration:stream=codec_name", "-of", "json", file],
      { encoding: "utf8" },
    );
    const info = JSON.parse(probe.stdout || "{}") as {
      format?: { duration?: string };
      streams?: Array<{ codec_name: string }>;
    };
    const duration = Number(info.format?.duration);
    const streams = (info.streams ?? []).map((s) => s.codec_name).join("+");
    o.check(
      probe.status === 0 && streams === "h264+aac",
      `the download is not a whole MP4 (${streams || "unreadable"})`,
    );
    o.check(Math.abs(duration - expectS) < 0.6, `the download lasts ${duration} s, not ${expectS} s`);
    return { bytes: body.length, duration, streams };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** Every text the user sent is in the transcript exactly once, in order. */
export function checkTranscript(o: Observed, project: ProjectState, sent: string[]): void {
  const mine = project.transcript.filter((t) => t.role === "user").map((t) => t.text);
  for (const text of sent) {
    const n = mine.filter((t) => t === text).length;
    if (n === 0) o.lost.push(`the message "${text.slice(0, 40)}"`);
    if (n > 1) o.problems.push(`the message "${text.slice(0, 40)}" is in the transcript ${n} times`);
  }
}
