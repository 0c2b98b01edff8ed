// Chat: the intent router answers export/credits/status/upload directly; everything else streams from the agent.
// A page reopened while a turn runs follows it from its start at GET /:id/messages/live.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { IdParam, MessageBody } from "../../core/api.ts";
import { ChatAnswer, ChatStreamEvent, type ExportView } from "../../core/api-views.ts";
import { type ChatEvent, sayEvent } from "../../core/chat-events.ts";
import { entryFor, isErrorCode, type Lang, ReelsmithError } from "../../core/errors.ts";
import { routeIntent } from "../../core/intent.ts";
import { unwrap } from "../../core/outcome.ts";
import { aggregate, type PublicEvent, readEvents, sseResponse } from "../chat-stream.ts";
import type { AppEnv } from "../context.ts";
import { jsonBody, refusals, routes } from "../route-kit.ts";

const STREAM =
  "With `Accept: text/event-stream`: Server-Sent Events, each `event: <type>` with `data:` one ChatStreamEvent " +
  "(status, text, notice, state, action, export, error, done; the schema given for text/event-stream is one " +
  "event's). Otherwise the whole turn as one ChatAnswer.";

const turnAnswer = (description: string) => ({
  description,
  content: {
    "application/json": { schema: ChatAnswer },
    "text/event-stream": { schema: ChatStreamEvent },
  },
});

const postMessage = createRoute({
  method: "post",
  path: "/{id}/messages",
  tags: ["Chat"],
  summary: "Send an instruction; export, credits, status and upload requests are answered without the agent",
  description: `${STREAM} A second message while one runs is refused with 409 (a message is never sent twice).`,
  request: { params: IdParam, body: jsonBody(MessageBody) },
  responses: { 200: turnAnswer("The turn"), ...refusals },
});

const liveTurn = createRoute({
  method: "get",
  path: "/{id}/messages/live",
  tags: ["Chat"],
  summary: "Follow the turn running in the project from its start (the same events); 204 when none runs",
  request: { params: IdParam },
  responses: { 200: turnAnswer("The running turn"), 204: { description: "No turn is running" }, ...refusals },
});

export const messages = routes()
  .openapi(postMessage, async (c) => {
    const { text } = c.req.valid("json");
    const projectId = c.req.valid("param").id;
    const { kind: intent, thenExport } = routeIntent(text);
    // Either way the message is counted against fair use first; the agent's turn counts it as it starts.
    const events: AsyncIterable<PublicEvent> =
      intent === "agent"
        ? readEvents(
            unwrap(
              await c
                .get("user")
                .sendMessage(projectId, { text, platform: c.get("platform"), lang: c.get("lang") }),
            ),
          )
        : await directEvents(c, intent, projectId, text);
    return answer(c, thenExport ? exportAfter(c, events, projectId) : events, { intent });
  })
  .openapi(liveTurn, async (c) => {
    const stream = unwrap(await c.get("user").watchTurn(c.req.valid("param").id));
    if (!stream) return c.body(null, 204);
    return answer(c, readEvents(stream), {});
  });

/** An SSE stream with `Accept: text/event-stream`, otherwise the whole turn folded into one JSON answer. */
async function answer(c: Context<AppEnv>, events: AsyncIterable<PublicEvent>, extra: Record<string, string>) {
  const lang = c.get("lang");
  if ((c.req.header("Accept") ?? "").includes("text/event-stream"))
    return sseResponse(events, Number(c.env.SSE_PING_MS) || 15_000, lang);
  const folded = await aggregate(events);
  const status =
    folded.error && isErrorCode(folded.error.code) ? entryFor(folded.error.code).httpStatus : 200;
  return c.json({ ...extra, ...folded }, status as 200);
}

/** What the page is told when an export starts: light up the export step, follow this export. */
const exportEvents = (exp: Pick<ExportView, "id" | "status" | "progress">, lang: Lang): PublicEvent[] => [
  { type: "action", action: "export" },
  { type: "export", id: exp.id, status: exp.status, progress: exp.progress },
  sayEvent({ key: "export-started" }, lang),
];

/** The export a message asked for after its edits: started, or the error when there is nothing to export. */
async function startExport(c: Context<AppEnv>, projectId: string): Promise<PublicEvent[]> {
  const lang = c.get("lang");
  const started = await c.get("user").createExport(projectId, { platform: c.get("platform"), lang });
  if (!started.ok) return [{ type: "error", ...ReelsmithError.of(started.failure).body(lang).error }];
  return exportEvents(started.value, lang);
}

/** "…and export it": the agent's turn, then — if it ended well — the export, before the stream says done. */
async function* exportAfter(c: Context<AppEnv>, events: AsyncIterable<PublicEvent>, projectId: string) {
  let failed = false;
  for await (const event of events) {
    if (event.type === "error") failed = true;
    if (event.type === "done" && !failed) yield* await startExport(c, projectId);
    yield event;
  }
}

/** Answers a routed intent without the agent; failures surface as the usual JSON error before anything streams. */
async function directEvents(
  c: Context<AppEnv>,
  intent: "export" | "credits" | "status" | "upload",
  projectId: string,
  text: string,
): Promise<AsyncIterable<PublicEvent>> {
  const user = c.get("user");
  const platform = c.get("platform");
  const lang = c.get("lang");
  unwrap(await user.admitMessage(projectId));
  const out: PublicEvent[] = [];
  if (intent === "export") {
    const exp = unwrap(await user.createExport(projectId, { platform, lang }));
    out.push(...exportEvents(exp, lang));
  } else if (intent === "credits") {
    // Asking in the chat is using the editor: this may sign in to it, unlike GET /api/credits.
    const cr = unwrap(await user.credits(platform, true));
    out.push(
      { type: "action", action: "show-credits" },
      sayEvent({ key: "credits", available: cr.available ?? 0, frozen: cr.frozen ?? 0 }, lang),
    );
  } else if (intent === "status") {
    const p = unwrap(await user.getProject(projectId, platform, lang));
    out.push(
      { type: "action", action: "show-timeline" },
      { type: "state", summary: p.summary, changes: [], timeline: p.timeline, diff: [] },
      sayEvent({ key: "timeline", timeline: p.timeline }, lang),
    );
  } else {
    out.push({ type: "action", action: "upload" }, sayEvent({ key: "upload-help" }, lang));
  }
  const replies = out.flatMap((e) => (e.type === "text" && e.say ? [{ text: e.text, say: e.say }] : []));
  unwrap(await user.recordExchange(projectId, text, replies));
  out.push({ type: "done" } satisfies ChatEvent);
  return (async function* () {
    yield* out;
  })();
}
