// Faults of the upstream in the middle of a chat session (via the fake upstream's fault injection): 1001, 1002,
// 429, 5xx, a stream dropped mid-reply, a stall with only keep-alives, and 5xx while an export is polled.
import { readDraft } from "../../core/draft.ts";
import { summarizeTimeline, timelineOf } from "../../core/timeline-view.ts";
import type { FakeControl } from "../../test/fake-upstream/control.ts";
import { type BenchUser, type ChatEventLike, readSse } from "../user-client.ts";
import type { Observed } from "./outcome.ts";
import {
  checkTranscript,
  checkWords,
  type ErrorWords,
  getProject,
  startExport,
  waitExport,
} from "./user-view.ts";

export interface SessionRig {
  user: BenchUser;
  projectId: string;
  fake: FakeControl;
  /** every message sent in this project so far, for the transcript check */
  sent: string[];
}

interface Turn {
  events: ChatEventLike[];
  ms: number;
}

/** One chat message over SSE in `lang`, read to its end. */
async function send(rig: SessionRig, text: string, lang: "en" | "zh" = "en"): Promise<Turn> {
  const started = performance.now();
  const { res } = await rig.user.request("POST", `/api/projects/${rig.projectId}/messages`, {
    json: { text },
    headers: { Accept: "text/event-stream", "Accept-Language": lang },
  });
  if (!res.ok || !res.body)
    throw new Error(`the message got ${res.status}: ${(await res.text()).slice(0, 200)}`);
  rig.sent.push(text);
  const events: ChatEventLike[] = [];
  await readSse(res.body, (data) => events.push(JSON.parse(data) as ChatEventLike));
  return { events, ms: performance.now() - started };
}

const errorOf = (t: Turn) =>
  t.events.find((e) => e.type === "error") as (ChatEventLike & ErrorWords) | undefined;
const noticesOf = (t: Turn) => t.events.filter((e) => e.type === "notice").map((e) => `"${e.text}"`);

/** How many times the upstream received this project's messages so far. */
async function upstreamSends(rig: SessionRig): Promise<number> {
  const seen = await rig.fake.inspect();
  return Object.values(seen.runSse).reduce((a, b) => a + b, 0);
}

/** The turn ended with `done`, and reached the user as a reply or a reported change, without an error. */
function checkAnswered(o: Observed, t: Turn): boolean {
  const ended = o.check(t.events.at(-1)?.type === "done", "the stream ended without done");
  const error = errorOf(t);
  const answered = t.events.some((e) => e.type === "text" || e.type === "state");
  o.check(!error, `the user got an error: ${error?.code}`);
  if (!answered) o.lost.push("the reply");
  return ended && !error && answered;
}

/** The whole transcript still holds every message, once; a message is never sent upstream twice. */
async function checkSession(o: Observed, rig: SessionRig, sendsBefore: number, expectSends: number) {
  checkTranscript(o, await getProject(rig.user, rig.projectId), rig.sent);
  const sends = (await upstreamSends(rig)) - sendsBefore;
  o.check(sends <= expectSends, `the upstream received the message ${sends} times`);
}

/** A fault the Worker recovers from by itself (1001: a new token; 429: one wait): the user sees only the reply. */
export async function transparentFault(o: Observed, rig: SessionRig, code: 1001 | 429): Promise<void> {
  const before = await upstreamSends(rig);
  await rig.fake.fault({ endpoint: "runSse", code });
  const t = await send(rig, `fault ${code}: make the title bigger`);
  if (checkAnswered(o, t)) o.recoverMs = t.ms;
  o.sees.push(
    `the reply, as usual, after ${(t.ms / 1000).toFixed(1)} s${noticesOf(t).length ? ` with ${noticesOf(t).join(", ")}` : ""}`,
  );
  // The refused attempt reached the upstream too: one refusal, then the one real send.
  await checkSession(o, rig, before, 2);
}

/**
 * 1002: the upstream lost the session. A new one is made and the user is told; Reelsmith's own records stay, the
 * files the editor had must reach the new session, and the timeline must still be shown and exported (NemoVideo,
 * as the fake, cannot be given it back; Reelsmith keeps it until the editor makes a new one).
 */
export async function sessionLost(o: Observed, rig: SessionRig): Promise<void> {
  const prior = await getProject(rig.user, rig.projectId);
  const before = await upstreamSends(rig);
  await rig.fake.fault({ endpoint: "runSse", code: 1002 });
  const t = await send(rig, "fault 1002: add a subtitle");
  if (checkAnswered(o, t)) o.recoverMs = t.ms;
  const notices = noticesOf(t);
  o.check(notices.length > 0, "no notice that the session was replaced");
  o.sees.push(`${notices.join(", ")}, then the reply`);
  const after = await getProject(rig.user, rig.projectId);
  o.check(after.exports.length === prior.exports.length, "exports went missing");
  o.check(
    after.transcript.some((e) => e.role === "notice"),
    "the notice is not in the transcript",
  );
  const { sessions, requests } = await rig.fake.inspect();
  const fresh = sessions.at(-1)?.sessionId;
  const handed = requests.filter((q) => q.endpoint === "upload" && q.sessionId === fresh).length;
  const had = prior.uploads.filter((u) => u.state === "ready");
  if (handed < had.length)
    o.lost.push(`${had.length - handed} of ${had.length} uploads (the new session lacks them)`);
  else o.sees.push(`${handed} upload(s) handed to the new session`);
  o.check(
    after.uploads.every((u) => u.state === "ready"),
    `uploads left ${after.uploads.map((u) => u.state).join(", ")}`,
  );
  if (after.summary !== prior.summary) {
    o.lost.push(`the timeline (${prior.summary}), now ${after.summary || "empty"}`);
    o.recoverMs = Number.NaN;
  }
  await checkSession(o, rig, before, 2);
  // Exported after the loss: the render gets the timeline the user had, under the new session.
  const exp = await rig.user.exportAndWait(rig.projectId, 500, 120_000);
  const rendered = (await rig.fake.inspect()).requests.filter((q) => q.endpoint === "render").at(-1)?.body as
    | { sessionId: string; draft: unknown }
    | undefined;
  o.check(exp.status === "completed", `the export after the loss ended ${exp.status}`);
  const renderedSummary = summarizeTimeline(timelineOf(readDraft(rendered?.draft)));
  o.check(rendered?.sessionId === fresh, "the export after the loss was not made in the new session");
  o.check(
    renderedSummary === prior.summary,
    `the export after the loss rendered ${renderedSummary}, not the timeline the user had`,
  );
  o.sees.push(`an export made after it renders the same timeline (${prior.summary})`);
}

/** A failure the user must act on: the error in EN and in ZH, then sending again works. */
async function failThenRetry(
  o: Observed,
  rig: SessionRig,
  label: string,
  arm: () => Promise<void>,
  text: string,
): Promise<void> {
  const before = await upstreamSends(rig);
  await arm();
  const en = await send(rig, `${label}: ${text}`, "en");
  await arm();
  const zh = await send(rig, `${label}: ${text}（中文）`, "zh");
  const failedAt = performance.now();
  o.check(
    en.events.at(-1)?.type === "done" && zh.events.at(-1)?.type === "done",
    "a failed turn ended without done",
  );
  const notices = noticesOf(en);
  o.sees.push(
    `${notices.length ? `${notices.join(", ")}, then ` : ""}${checkWords(o, errorOf(en), errorOf(zh))}`,
  );
  await checkSession(o, rig, before, 2);
  // Sent again without the fake's scenario marker: this time the upstream answers normally.
  const retry = await send(rig, `${label}: ${text.replace(/\[scenario:[\w-]+\]\s*/, "")} (again)`);
  if (checkAnswered(o, retry)) o.recoverMs = performance.now() - failedAt;
  o.sees.push("sending again gets the reply");
}

export const upstreamError = (o: Observed, rig: SessionRig, code: 500 | 503) =>
  failThenRetry(o, rig, `fault ${code}`, () => rig.fake.fault({ endpoint: "runSse", code }), "shorten it");

/** The stream drops mid-reply after the edit was made: not re-sent, the change is read from the state. */
export async function dropAfterEdit(o: Observed, rig: SessionRig): Promise<void> {
  const before = await upstreamSends(rig);
  const t = await send(rig, "[scenario:drop-edit] make the music quieter");
  if (checkAnswered(o, t)) o.recoverMs = t.ms;
  o.check(
    t.events.some((e) => e.type === "state"),
    "the change was not reported",
  );
  o.sees.push(
    `${noticesOf(t).join(", ")}, then the change: ${t.events.find((e) => e.type === "text" && e.say)?.text ?? "none"}`,
  );
  await checkSession(o, rig, before, 1);
}

export const dropWithoutEdit = (o: Observed, rig: SessionRig) =>
  failThenRetry(o, rig, "drop", async () => {}, "[scenario:drop] tighten the cuts");

export const stall = (o: Observed, rig: SessionRig) =>
  failThenRetry(o, rig, "stall", async () => {}, "[scenario:stall] add a fade");

/** The render polls answer 5xx a few times while an export renders: it still completes. */
export async function pollErrors(o: Observed, rig: SessionRig): Promise<void> {
  await rig.fake.renderPlan({ durationMs: 4000 });
  const started = await startExport(rig.user, rig.projectId);
  await rig.fake.fault({ endpoint: "renderPoll", code: 503, times: 3 });
  const faultAt = performance.now();
  const end = await waitExport(rig.user, started.id, 60_000);
  if (end?.status !== "completed") {
    o.lost.push(`the export (${end?.status ?? "never ended"})`);
    return;
  }
  o.recoverMs = performance.now() - faultAt;
  const { res } = await rig.user.request("GET", `/api/exports/${started.id}/download`);
  const body = new Uint8Array(await res.arrayBuffer());
  // The fake's render is a placeholder MP4 of a set length, not a playable one: its length is the check.
  o.check(res.ok && body.length === end.size, `the download is ${body.length} bytes of ${end.size}`);
  o.sees.push(
    `"processing" through 3 failed polls, then completed; the download is whole (${body.length} bytes)`,
  );
}
