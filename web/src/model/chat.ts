// The conversation: the transcript, the turn in progress (status line, streamed events) and sending a message.
import { signal } from "@preact/signals";
import { ApiError, request } from "./api.ts";
import type { ErrorInfo, StreamEvent, TranscriptEntry } from "./api-types.ts";
import { pointAt } from "./attention.ts";
import { track } from "./exports.ts";
import { t } from "./i18n.ts";
import { ensureProject, refreshProject, summary } from "./project.ts";
import { readEvents } from "./sse.ts";
import { uploadsBusy, uploadsSettled } from "./uploads.ts";

export type Entry =
  | { kind: "user" | "agent" | "notice"; text: string }
  | { kind: "state"; summary: string; changes: string[] }
  | { kind: "error"; error: ErrorInfo; resend?: string };

export const entries = signal<Entry[]>([]);
/** what the editor is doing right now; null between turns */
export const status = signal<string | null>(null);
export const sending = signal(false);
export const composerText = signal("");

const push = (e: Entry) => {
  entries.value = [...entries.value, e];
};

function apply(ev: StreamEvent, sent: string): void {
  switch (ev.type) {
    case "status":
      status.value = ev.text;
      break;
    case "text":
    case "notice":
      push({ kind: ev.type === "text" ? "agent" : "notice", text: ev.text });
      break;
    case "state":
      // With no changes it is a status answer whose text repeats the summary: the timeline card shows it.
      if (ev.changes.length > 0) push({ kind: "state", summary: ev.summary, changes: ev.changes });
      summary.value = ev.summary;
      break;
    case "action":
      pointAt(ev.action);
      break;
    case "export":
      track(ev);
      break;
    case "error":
      push({ kind: "error", error: ev, resend: ev.action?.kind === "retry" ? sent : undefined });
      break;
  }
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
      status.value = t.value.waitingUploads;
      await uploadsSettled();
    }
    status.value = t.value.sending;
    const id = await ensureProject();
    const res = await request(`/api/projects/${id}/messages`, {
      json: { text: message },
      headers: { Accept: "text/event-stream" },
    });
    for await (const ev of readEvents(res)) apply(ev, message);
  } catch (e) {
    const err = e instanceof ApiError ? e : ApiError.network();
    push({ kind: "error", error: err.info(), resend: err.transient ? message : undefined });
  } finally {
    sending.value = false;
    status.value = null;
    refreshProject();
  }
}

export function showTranscript(list: TranscriptEntry[]): void {
  entries.value = list.map((e) => ({ kind: e.role, text: e.text }));
}

export function resetChat(): void {
  entries.value = [];
  status.value = null;
}
