// Plain-HTTP client for the upstream contract tests: JSON calls with attribution headers, sessions, an SSE reader.
import { randomUUID } from "node:crypto";
import { createParser, type EventSourceMessage } from "eventsource-parser";
import type { z } from "zod";
import {
  AnonymousToken,
  classifyStreamData,
  Headers,
  Paths,
  type RenderProgress,
  readRenderPoll,
  runSseBody,
  Session,
  type StreamItem,
  type Unwrapped,
  unwrapEnvelope,
} from "../../core/contract.ts";

export const ATTRIBUTION = {
  [Headers.source]: "reelsmith-contract",
  [Headers.version]: "0.0.0",
  [Headers.platform]: "api",
};

export interface CallOptions {
  token?: string;
  json?: unknown;
  form?: FormData;
  headers?: Record<string, string>;
  /** send the X-Skill-* headers (default true) */
  attribution?: boolean;
}

export interface Answer {
  status: number;
  body: unknown;
  envelope: Unwrapped;
}

export type Api = ReturnType<typeof upstreamApi>;

export function upstreamApi(baseUrl: string) {
  const send = (method: string, path: string, opts: CallOptions = {}) =>
    fetch(baseUrl + path, {
      method,
      headers: {
        ...(opts.attribution === false ? {} : ATTRIBUTION),
        ...(opts.token ? { Authorization: `Bearer ${opts.token}` } : {}),
        ...(opts.json === undefined ? {} : { "Content-Type": "application/json" }),
        ...opts.headers,
      },
      body: opts.form ?? (opts.json === undefined ? undefined : JSON.stringify(opts.json)),
    });

  const call = async (method: string, path: string, opts: CallOptions = {}): Promise<Answer> => {
    const res = await send(method, path, opts);
    const text = await res.text();
    let body: unknown = text;
    try {
      body = JSON.parse(text);
    } catch {}
    return { status: res.status, body, envelope: unwrapEnvelope(body, res.status) };
  };

  return {
    send,
    call,
    async token(clientId: string = randomUUID()) {
      const answer = await call("POST", Paths.anonymousToken, { headers: { [Headers.clientId]: clientId } });
      return dataOf(answer, AnonymousToken);
    },
    async session(token: string, language = "en") {
      const answer = await call("POST", Paths.createSession, {
        token,
        json: { task_name: "project", language },
      });
      return dataOf(answer, Session);
    },
    /** Render submit; `attribution: false` leaves the X-Skill-* headers out. */
    render(token: string, body: { id: string; sessionId: string; draft: unknown }, attribution = true) {
      return call("POST", Paths.render, {
        token,
        attribution,
        json: { ...body, output: { format: "mp4", quality: "high" } },
      });
    },
    /** Polls until the render completes or fails; answers every poll read, normalized. */
    async waitForRender(token: string, id: string, { timeoutMs = 120_000, pollMs = 250 } = {}) {
      const seen: RenderProgress[] = [];
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const answer = await call("GET", Paths.renderPoll(id), { token });
        const poll = readRenderPoll(answer.body);
        if (!poll) throw new Error(`unreadable render poll answer: ${JSON.stringify(answer.body)}`);
        seen.push(poll);
        if (poll.status === "completed" || poll.status === "failed") return { final: poll, seen };
        await new Promise((r) => setTimeout(r, pollMs));
      }
      throw new Error(`render ${id} did not finish in ${timeoutMs} ms; last: ${JSON.stringify(seen.at(-1))}`);
    },
    async chat(token: string, sessionId: string, text: string, read: ReadOptions = {}) {
      const res = await send("POST", Paths.runSse, {
        token,
        json: runSseBody(sessionId, text),
        headers: { Accept: "text/event-stream" },
      });
      return { res, stream: await readSse(res, read) };
    },
  };
}

let renderSeq = 0;
/** A fresh `render_<ts>` id. */
export const newRenderId = () => `render_${Date.now()}${++renderSeq}`;

/** The `data` of a successful answer, parsed; throws with the upstream's code and message otherwise. */
export function dataOf<T>(answer: Answer, schema: z.ZodType<T>): T {
  if (!answer.envelope.ok) {
    throw new Error(
      `upstream error ${answer.envelope.code}: ${answer.envelope.message} (HTTP ${answer.status})`,
    );
  }
  return schema.parse(answer.envelope.data);
}

export interface SseRead {
  messages: EventSourceMessage[];
  comments: string[];
  /** each message's data, classified as the gateway classifies it */
  items: StreamItem[];
  /** closed by the server, cut (socket destroyed), or stopped by the reader after `stopAfterMs` */
  end: "closed" | "dropped" | "stopped";
}

export interface ReadOptions {
  /** stop reading (as a client giving up) after this long */
  stopAfterMs?: number;
}

export async function readSse(res: Response, opts: ReadOptions = {}): Promise<SseRead> {
  const out: SseRead = { messages: [], comments: [], items: [], end: "closed" };
  const parser = createParser({
    onEvent: (message) => {
      out.messages.push(message);
      out.items.push(classifyStreamData(message.data));
    },
    onComment: (comment) => out.comments.push(comment),
  });
  const reader = res.body?.getReader();
  if (!reader) return out;
  const decoder = new TextDecoder();
  const timer =
    opts.stopAfterMs === undefined
      ? undefined
      : setTimeout(() => {
          out.end = "stopped";
          reader.cancel().catch(() => {});
        }, opts.stopAfterMs);
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      parser.feed(decoder.decode(value, { stream: true }));
    }
  } catch {
    if (out.end === "closed") out.end = "dropped";
  } finally {
    clearTimeout(timer);
  }
  return out;
}

/** The ADK events of a read stream (keep-alives and errors left out). */
export const eventsOf = (read: SseRead) =>
  read.items.flatMap((item) => (item.kind === "event" ? [item.event] : []));

/** Text of the events' text parts. */
export const textOf = (event: ReturnType<typeof eventsOf>[number]) =>
  (event.content?.parts ?? []).map((p) => p.text ?? "").join("");
