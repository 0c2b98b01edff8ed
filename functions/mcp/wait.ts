// Waiting inside a tool call for work the server finishes by itself (an export's render, an upload's hand-off).

/** Under the 60 s an MCP client waits for an answer by default. */
export const MAX_WAIT_S = 50;

/**
 * Reads again every `everyMs` while `pending(value)` and another reading fits before `untilMs`; `onEach` sees each
 * pending reading first (for progress). Answers the last reading.
 */
export async function readWhile<T>(
  first: T,
  read: () => Promise<T>,
  pending: (value: T) => boolean,
  opts: { everyMs: number; untilMs: number; onEach?: (value: T) => Promise<void> },
): Promise<T> {
  let value = first;
  while (pending(value) && Date.now() + opts.everyMs <= opts.untilMs) {
    await opts.onEach?.(value);
    await new Promise((r) => setTimeout(r, opts.everyMs));
    value = await read();
  }
  return value;
}
