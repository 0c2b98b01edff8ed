// Reads a chat answer's Server-Sent Events body as parsed events, in order.
import { createParser } from "eventsource-parser";
import type { StreamEvent } from "./api-types.ts";

export async function* readEvents(res: Response): AsyncGenerator<StreamEvent> {
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
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (value) parser.feed(value);
    while (queue.length > 0) yield queue.shift()!;
    if (done) return;
  }
}
