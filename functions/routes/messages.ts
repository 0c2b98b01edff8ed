// Chat: the intent router answers export/credits/status/upload directly; everything else streams from the agent.
// A page reopened while a turn runs follows it from its start at GET /:id/messages/live.
import type { Context } from "hono";
import { Hono } from "hono";
import { MessageBody } from "../../core/api.ts";
import { type ChatEvent, sayEvent } from "../../core/chat-events.ts";
import { entryFor, isErrorCode, type Lang, ReelsmithError } from "../../core/errors.ts";
import { routeIntent } from "../../core/intent.ts";
import { unwrap } from "../../core/outcome.ts";
import { aggregate, type PublicEvent, readEvents, sseResponse } from "../chat-stream.ts";
import type { AppEnv } from "../context.ts";
import { parseBody } from "../errors.ts";

export const messages = new Hono<AppEnv>()
  .post("/:id/messages", async (c) => {
    const { text } = await parseBody(c, MessageBody);
    const projectId = c.req.param("id");
    const { kind: intent, thenExport } = routeIntent(text);
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
  .get("/:id/messages/live", async (c) => {
    const stream = unwrap(await c.get("user").watchTurn(c.req.param("id")));
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
const exportEvents = (exp: { id: string; status: string; progress: number }, lang: Lang): PublicEvent[] => [
  { type: "action", action: "export" },
  { type: "export", id: exp.id, status: exp.status, progress: exp.progress },
  sayEvent({ key: "export-started" }, lang),
];

/** The export a message asked for after its edits: started, or the error when there is nothing to export. */
async function startExport(c: Context<AppEnv>, projectId: string): Promise<PublicEvent[]> {
  const lang = c.get("lang");
  const started = await c.get("user").createExport(projectId, {}, c.get("platform"));
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
  const out: PublicEvent[] = [];
  if (intent === "export") {
    const exp = unwrap(await user.createExport(projectId, {}, platform));
    out.push(...exportEvents(exp, lang));
  } else if (intent === "credits") {
    const cr = unwrap(await user.credits(platform));
    out.push(
      { type: "action", action: "show-credits" },
      sayEvent({ key: "credits", available: cr.available, frozen: cr.frozen }, lang),
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
