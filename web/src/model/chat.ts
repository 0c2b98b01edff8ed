// The conversation: the transcript, the turn in progress (status line, streamed events), sending a message, and
// following a turn that was still running when the page reloaded.
import { signal } from "@preact/signals";
import type { Change } from "../../../core/draft-diff.ts";
import type { Say } from "../../../core/say.ts";
import { ApiError, api, type ErrorInfo, open, type TranscriptEntry } from "./api.ts";
import { pointAt } from "./attention.ts";
import { showExports, track } from "./exports.ts";
import { ensureProject, refreshProject, timeline } from "./project.ts";
import { readEvents, type StreamEvent } from "./sse.ts";
import { uploadsBusy, uploadsSettled } from "./uploads.ts";

/** Words the page itself shows in the conversation, by their key in the i18n table. */
export type PageWords = "sending" | "waitingUploads" | "resumedTurn";

/** `say` (Reelsmith's words as data) and `words` render in the current language; `text` is the agent's own. */
export type Entry =
  | { kind: "user" | "agent" | "notice"; text: string; say?: Say; words?: PageWords }
  | { kind: "state"; changes: Change[] }
  | { kind: "error"; error: ErrorInfo; resend?: string };

export type Status = { say: Say } | { words: PageWords };

export const entries = signal<Entry[]>([]);
/** what the editor is doing right now; null between turns */
export const status = signal<Status | null>(null);
export const sending = signal(false);
export const composerText = signal("");

const push = (e: Entry) => {
  entries.value = [...entries.value, e];
};

function apply(ev: StreamEvent, sent: string | null): void {
  switch (ev.type) {
    case "status":
      status.value = { say: ev.say };
      break;
    case "text":
    case "notice":
      push({ kind: ev.type === "text" ? "agent" : "notice", text: ev.text, say: ev.say });
      break;
    case "state":
      // With no changes it is a status answer: the timeline card shows it.
      if (ev.diff.length > 0) push({ kind: "state", changes: ev.diff });
      timeline.value = ev.timeline;
      break;
    case "action":
      pointAt(ev.action);
      break;
    case "export":
      track(ev);
      break;
    case "error":
      push({ kind: "error", error: ev, resend: sent && ev.action?.kind === "retry" ? sent : undefined });
      break;
  }
}

/** Shows a turn's events as they come; afterwards the project (timeline, platform, exports) is read again. */
async function follow(res: { body: ReadableStream<Uint8Array> | null }, sent: string | null): Promise<void> {
  for await (const ev of readEvents(res)) apply(ev, sent);
}

async function afterTurn(): Promise<void> {
  sending.value = false;
  status.value = null;
  // An edit may have made earlier exports outdated, or changed the platform.
  const d = await refreshProject();
  if (d) showExports(d.exports);
}

/** Sends a message (after any uploads in flight) and streams the answer into the transcript. */
export async function send(text = composerText.value): Promise<void> {
  const message = text.trim();
  if (!message || sending.value) return;
  sending.value = true;
  composerText.value = "";
  push({ kind: "user", text: message });
  try {
    if (uploadsBusy.value) {
      status.value = { words: "waitingUploads" };
      await uploadsSettled();
    }
    status.value = { words: "sending" };
    const id = await ensureProject();
    const res = await open(
      api.projects[":id"].messages.$post(
        { param: { id }, json: { text: message } },
        { headers: { Accept: "text/event-stream" } },
      ),
    );
    await follow(res, message);
  } catch (e) {
    const err = e instanceof ApiError ? e : ApiError.network();
    push({ kind: "error", error: err.info(), resend: err.transient ? message : undefined });
  } finally {
    await afterTurn();
  }
}

/** A reply still running after a reload: say so and show its progress until it ends (no second send). */
export async function resumeTurn(projectId: string): Promise<void> {
  if (sending.value) return;
  sending.value = true;
  try {
    const res = await open(
      api.projects[":id"].messages.live.$get(
        { param: { id: projectId } },
        { headers: { Accept: "text/event-stream" } },
      ),
    );
    if (res.status === 200) {
      push({ kind: "notice", text: "", words: "resumedTurn" });
      await follow(res, null);
    }
  } catch {
    // The turn finishes server-side either way; the transcript shows it on the next read.
  } finally {
    await afterTurn();
  }
}

export function showTranscript(list: TranscriptEntry[]): void {
  entries.value = list.map((e): Entry => {
    // The API's schema documents `say` by its key; core/say.ts is its exact type, which the page renders.
    const said = e.say as Say | undefined;
    if (e.role === "state") return { kind: "state", changes: said?.key === "changes" ? said.changes : [] };
    return { kind: e.role, text: e.text, say: said };
  });
}

export function resetChat(): void {
  entries.value = [];
  status.value = null;
}
