// One running chat turn's events for any number of readers: the sender's stream, and pages that reopen mid-turn.
import type { ChatEvent } from "../core/chat-events.ts";

const encoder = new TextEncoder();

export class TurnFeed {
  private readonly events: ChatEvent[] = [];
  private readonly readers = new Set<WritableStreamDefaultWriter<Uint8Array>>();
  private closed = false;

  /** Sends an event to every reader. Writes are not awaited: a reader that has gone never holds the turn up. */
  publish(ev: ChatEvent): void {
    this.events.push(ev);
    for (const w of this.readers) w.write(line(ev)).catch(() => this.readers.delete(w));
  }

  /** NDJSON of the turn so far, then of every event to come, until the turn ends. */
  subscribe(): ReadableStream<Uint8Array> {
    const { readable, writable } = new TransformStream<Uint8Array, Uint8Array>();
    const writer = writable.getWriter();
    for (const ev of this.events) writer.write(line(ev)).catch(() => {});
    if (this.closed) writer.close().catch(() => {});
    else this.readers.add(writer);
    return readable;
  }

  close(): void {
    this.closed = true;
    for (const w of this.readers) w.close().catch(() => {});
    this.readers.clear();
  }
}

const line = (ev: ChatEvent) => encoder.encode(`${JSON.stringify(ev)}\n`);
