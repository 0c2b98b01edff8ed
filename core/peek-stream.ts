// Reads a stream's first bytes (for sniffing) and hands back a stream that still yields every byte.

/** The first `n` bytes (fewer if the stream is shorter) and a stream of the whole content, read once. */
export async function peekStream<T extends Uint8Array>(
  stream: ReadableStream<T>,
  n: number,
): Promise<{ head: Uint8Array; stream: ReadableStream<T> }> {
  const reader = stream.getReader();
  const seen: T[] = [];
  let length = 0;
  let done = false;
  while (length < n && !done) {
    const r = await reader.read();
    done = r.done;
    if (r.value?.length) {
      seen.push(r.value);
      length += r.value.length;
    }
  }
  const head = new Uint8Array(Math.min(n, length));
  let at = 0;
  for (const chunk of seen) {
    if (at >= head.length) break;
    head.set(chunk.subarray(0, head.length - at), at);
    at += Math.min(chunk.length, head.length - at);
  }
  const rest = new ReadableStream<T>({
    start(controller) {
      for (const chunk of seen) controller.enqueue(chunk);
      if (done) controller.close();
    },
    async pull(controller) {
      const r = await reader.read();
      if (r.done) controller.close();
      else controller.enqueue(r.value);
    },
    cancel: (reason) => reader.cancel(reason),
  });
  return { head, stream: rest };
}
