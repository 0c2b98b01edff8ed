// One creator's visit, checked end to end: photos in parts, two SSE messages, an export downloaded, the transcript.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { makePhoto } from "../test/engine/helpers/media-fixtures.ts";
import { BenchUser, type Book, type ChatTurn } from "./user-client.ts";

export interface Photo {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/**
 * Three 12 MP phone photos made once with ffmpeg: one of about 9 MB (two 8 MiB parts) and two of about 3.5 MB.
 */
export async function makeJourneyPhotos(dir: string): Promise<Photo[]> {
  const specs = [
    { hue: 0, grain: 40, quality: 2 },
    { hue: 120, grain: 12, quality: 3 },
    { hue: 240, grain: 12, quality: 3 },
  ];
  return Promise.all(
    specs.map(async ({ hue, ...look }, i) => {
      const path = await makePhoto(join(dir, `IMG_${i + 1}.jpg`), 3024, 4032, hue, look);
      return { name: `IMG_${i + 1}.jpg`, type: "image/jpeg", bytes: readFileSync(path) };
    }),
  );
}

export interface JourneyOptions {
  /** how often the export's status is read while it renders (the page reads every 1.5 s) */
  exportPollMs: number;
  /** seconds of video asked for */
  seconds: number;
}

export interface JourneyResult {
  ok: boolean;
  /** wall ms of the whole visit and of the export (submit → completed) */
  totalMs: number;
  exportMs: number;
  messages: { sent: number; lost: number; duplicated: number };
}

/** Problems with one chat turn's events: no reply, an error, or a reply shown twice. */
function turnProblems(turn: ChatTurn): string[] {
  const texts = turn.events.filter((e) => e.type === "text").map((e) => e.text);
  const problems: string[] = [];
  if (texts.length === 0) problems.push("no reply text");
  if (new Set(texts).size !== texts.length) problems.push("a reply shown twice");
  for (const e of turn.events.filter((e) => e.type === "error")) problems.push(`error event ${e.code}`);
  if (turn.events.filter((e) => e.type === "done").length !== 1) problems.push("not exactly one done");
  return problems;
}

/** Runs the visit; every failure is written to the book and the result says what was lost. */
export async function journey(
  origin: string,
  book: Book,
  photos: Photo[],
  n: number,
  opts: JourneyOptions,
  /** who visits: a new user unless given (a returning user keeps their key, so their Durable Object) */
  visitor: () => Promise<BenchUser> = () => BenchUser.create(origin, book),
): Promise<JourneyResult> {
  const started = performance.now();
  const sent = [
    `make a ${opts.seconds} second video with the title "Bench user ${n}"`,
    "make the title bigger",
  ];
  const result: JourneyResult = {
    ok: false,
    totalMs: 0,
    exportMs: 0,
    messages: { sent: sent.length, lost: 0, duplicated: 0 },
  };
  try {
    const user = await visitor();
    const project = await user.createProject();
    const uploads = await Promise.all(photos.map((p) => user.upload(project.id, p)));
    for (const u of uploads) if (u.state !== "ready") throw new Error(`upload ${u.id} ended ${u.state}`);
    for (const text of sent) {
      const problems = turnProblems(await user.chat(project.id, text));
      if (problems.length) throw new Error(`chat "${text}": ${problems.join(", ")}`);
    }
    const exportStarted = performance.now();
    const exp = await user.exportAndWait(project.id, opts.exportPollMs);
    result.exportMs = performance.now() - exportStarted;
    if (exp.status !== "completed") throw new Error(`export ${exp.id} ${exp.status}: ${exp.error ?? ""}`);
    const file = await user.download(exp.id);
    if (!file.mp4 || file.bytes !== exp.size) throw new Error(`download of ${exp.id}: ${file.bytes} bytes`);

    const { transcript } = await user.json<{ transcript: Array<{ role: string; text: string }> }>(
      "GET",
      `/api/projects/${project.id}`,
    );
    const users = transcript.filter((t) => t.role === "user").map((t) => t.text);
    for (const text of sent) {
      const times = users.filter((u) => u === text).length;
      if (times === 0) result.messages.lost++;
      if (times > 1) result.messages.duplicated++;
    }
    const agent = transcript.filter((t) => t.role === "agent").length;
    if (agent !== sent.length) throw new Error(`${agent} agent replies in the transcript for ${sent.length}`);
    if (result.messages.lost || result.messages.duplicated || users.length !== sent.length)
      throw new Error(`transcript: ${JSON.stringify(users)}`);
    result.ok = true;
  } catch (e) {
    const cause = (e as Error).cause as { code?: string; message?: string } | undefined;
    book.fail(`user ${n}: ${(e as Error).message}${cause ? ` (${cause.code ?? cause.message})` : ""}`);
  }
  result.totalMs = performance.now() - started;
  return result;
}
