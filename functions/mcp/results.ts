// Tool answers: the API's JSON as text and structured content; its errors as MCP tool errors with the same code.
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js";
import { ApiFailure } from "./api.ts";

const answer = (data: Record<string, unknown>, isError?: true): CallToolResult => ({
  content: [{ type: "text", text: JSON.stringify(data) }],
  structuredContent: data,
  ...(isError ? { isError } : {}),
});

/** Runs a tool body: its value is the answer, an API refusal becomes a tool error; faults propagate. */
export async function run(body: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
  try {
    return answer(await body());
  } catch (e) {
    // A tool error carrying Reelsmith's `{"error":{code,message,hint,action?}}`.
    if (e instanceof ApiFailure) return answer({ error: e.error }, true);
    throw e;
  }
}
