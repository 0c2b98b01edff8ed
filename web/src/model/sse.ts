// Reads a chat answer's Server-Sent Events body as parsed events, in order.
import { createParser } from "eventsource-parser";
import type { PublicEvent } from "../../../functions/chat-stream.ts";

/** What a chat stream sends: the Worker's own event type. */
export type StreamEvent = PublicEvent;

export async function* readEvents(res: {
  body: ReadableStream<Uint8Array> | null;
}): AsyncGenerator<StreamEvent> {
  const queue: StreamEvent[] = [];
  const parser = createParser({
    onEvent: (m) => {
      try {
        queue.push(JSON.parse(m.data) as StreamEvent);
      } catch {
        // a malformed frame carries nothing the page could show
      }
    },
  });
  const reader = res.body!.getReader();
  const decoder = new TextDecoder();
  for (;;) {
    const { done, value } = await reader.read();
    if (value) parser.feed(decoder.decode(value, { stream: true }));
    while (queue.length > 0) yield queue.shift()!;
    if (done) return;
  }
}
