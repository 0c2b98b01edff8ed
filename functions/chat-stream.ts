// Turns the DO's NDJSON chat events into browser SSE (with keep-alive pings) or one aggregated JSON answer.
import type { z } from "zod";
import type { ChatAnswer as ChatAnswerSchema, ExportView } from "../core/api-views.ts";
import type { ChatEvent } from "../core/chat-events.ts";
import { apiError } from "../core/errors.ts";
import type { Lang } from "./context.ts";

/** What the browser sees: the agent's chat events, plus the export a routed "export" message started. */
export type PublicEvent = ChatEvent | ({ type: "export" } & Pick<ExportView, "id" | "status" | "progress">);

export const SSE_HEADERS = {
  "Content-Type": "text/event-stream; charset=utf-8",
  "Cache-Control": "no-cache, no-transform",
  // wrangler dev buffers streamed responses unless they say identity.
  "Content-Encoding": "identity",
  "X-Accel-Buffering": "no",
};

/** Reads NDJSON lines from the DO's stream. */
export async function* readEvents(stream: ReadableStream<Uint8Array>): AsyncGenerator<ChatEvent> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let buf = "";
  for (;;) {
    const { done, value } = await reader.read();
    if (value) buf += decoder.decode(value, { stream: true });
    let nl = buf.indexOf("\n");
    while (nl >= 0) {
      const line = buf.slice(0, nl).trim();
      buf = buf.slice(nl + 1);
      if (line) yield JSON.parse(line) as ChatEvent;
      nl = buf.indexOf("\n");
    }
    if (done) return;
  }
}

export const sseFrame = (ev: PublicEvent) => `event: ${ev.type}\ndata: ${JSON.stringify(ev)}\n\n`;

/** An SSE response over any event source, with a `: ping` comment every `pingMs`. */
export function sseResponse(events: AsyncIterable<PublicEvent>, pingMs: number, lang: Lang): Response {
  const encoder = new TextEncoder();
  const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
  const writer = writable.getWriter();
  const write = (s: string) => writer.write(encoder.encode(s)).catch(() => {});
  const ping = setInterval(() => write(": ping\n\n"), pingMs);
  (async () => {
    await write(": connected\n\n");
    try {
      for await (const ev of events) await write(sseFrame(ev));
    } catch (e) {
      // The DO went away mid-turn: say so instead of ending the stream silently.
      console.error(`chat stream broke: ${(e as Error)?.message}`);
      await write(sseFrame({ type: "error", ...apiError("upstream_unavailable", lang).error }));
      await write(sseFrame({ type: "done" }));
    } finally {
      clearInterval(ping);
      writer.close().catch(() => {});
    }
  })();
  return new Response(readable, { headers: SSE_HEADERS });
}

export type ChatAnswer = z.infer<typeof ChatAnswerSchema>;

/** Waits for the whole turn and folds it into one JSON answer. */
export async function aggregate(events: AsyncIterable<PublicEvent>): Promise<ChatAnswer> {
  const answer: ChatAnswer = { text: "", statuses: [], notices: [], actions: [] };
  for await (const ev of events) {
    switch (ev.type) {
      case "text":
        answer.text += (answer.text ? "\n\n" : "") + ev.text;
        break;
      case "status":
        answer.statuses.push(ev.text);
        break;
      case "notice":
        answer.notices.push(ev.text);
        break;
      case "action":
        answer.actions.push(ev.action);
        break;
      case "state":
        answer.state = { summary: ev.summary, changes: ev.changes, timeline: ev.timeline, diff: ev.diff };
        break;
      case "export":
        answer.export = { id: ev.id, status: ev.status, progress: ev.progress };
        break;
      case "error": {
        const { type: _, ...error } = ev;
        answer.error = error;
        break;
      }
    }
  }
  return answer;
}
