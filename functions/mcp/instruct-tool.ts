// The MCP tool that sends one instruction to the editor, relaying the chat's SSE events as progress notifications.
import type { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import { EventSourceParserStream } from "eventsource-parser/stream";
import { z } from "zod";
import { aggregate, type PublicEvent } from "../chat-stream.ts";
import { type ApiCaller, ApiFailure } from "./api.ts";
import { progressOf, type Report } from "./progress.ts";
import { run } from "./results.ts";

/** The chat's SSE events, parsed. */
async function* sseEvents(body: ReadableStream<Uint8Array>): AsyncGenerator<PublicEvent> {
  const reader = body
    .pipeThrough(new TextDecoderStream() as TransformStream<Uint8Array, string>)
    .pipeThrough(new EventSourceParserStream())
    .getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return;
    yield JSON.parse(value.data) as PublicEvent;
  }
}

/** What a person watching the chat would read for this event, if anything. */
function lineOf(ev: PublicEvent): string | undefined {
  switch (ev.type) {
    case "status":
    case "text":
    case "notice":
      return ev.text;
    case "state":
      return ev.summary;
    case "export":
      return `export ${ev.id} ${ev.status}`;
    case "error":
      return ev.message;
  }
}

/** Passes every event through, reporting each readable one as the next step. */
async function* reporting(events: AsyncIterable<PublicEvent>, report: Report) {
  let step = 0;
  for await (const ev of events) {
    const line = lineOf(ev);
    if (line) await report(++step, line);
    yield ev;
  }
}

export function registerInstructTool(server: McpServer, api: ApiCaller) {
  server.registerTool(
    "send_instruction",
    {
      title: "Tell the editor what to make or change",
      description:
        'One sentence, in English or Chinese, as a creator would write it: "make a 15 second vertical video ' +
        'with the title \'Spring Sale\' and upbeat music", "标题改大一点", "remove the music". The editor\'s ' +
        "statuses and replies arrive as progress notifications; the answer has its reply (text), what changed " +
        "(state.changes), the new summary and, when the sentence ends by asking for it, the export it started. " +
        "One instruction at a time per project (busy otherwise).",
      inputSchema: {
        projectId: z.string().min(1).describe("The project's id (prj_…)."),
        text: z.string().min(1).max(4000).describe("The instruction."),
      },
    },
    ({ projectId, text }, extra) =>
      run(async () => {
        const res = await api.fetch("POST", `/api/projects/${encodeURIComponent(projectId)}/messages`, {
          body: { text },
          accept: "text/event-stream",
        });
        const answer = await aggregate(reporting(sseEvents(res.body!), progressOf(extra)));
        if (answer.error) throw new ApiFailure(answer.error);
        return { ...answer };
      }),
  );
}
