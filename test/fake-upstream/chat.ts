// POST /run_sse: picks the scenario (message marker, then session, then default), holds credits, streams ADK frames.
import { RunSseBody, UpstreamCode } from "../../core/contract.ts";
import { readDraft } from "../../core/draft.ts";
import { AdkTurn } from "./adk.ts";
import { Scenario } from "./control-schema.ts";
import { nextEdit } from "./draft-edits.ts";
import { failure, invalidBody } from "./failures.ts";
import type { Handler } from "./handler.ts";
import { SCRIPTS, type ScenarioRun } from "./scenarios.ts";
import type { SessionRecord } from "./world.ts";

const MARKER = /\[scenario:([\w-]+)\]/i;
const CJK = /[\u3400-\u9fff]/;

const SSE_HEADERS = { "Content-Type": "text/event-stream", "Cache-Control": "no-cache" };

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      signal.removeEventListener("abort", done);
      resolve();
    };
    const timer = setTimeout(done, ms);
    signal.addEventListener("abort", done);
  });
}

function applyEdit(session: SessionRecord): string {
  const { draft, change } = nextEdit(readDraft(session.draft), session.videoInfos[0]?.cdn_url);
  session.draft = draft;
  return change;
}

/** Pulls frames into a byte stream; a client that goes away ends the generator. */
function toStream(frames: AsyncGenerator<string, void>): ReadableStream<Uint8Array> {
  const encoder = new TextEncoder();
  return new ReadableStream({
    async pull(controller) {
      const next = await frames.next();
      if (next.done) controller.close();
      else controller.enqueue(encoder.encode(next.value));
    },
    async cancel() {
      await frames.return();
    },
  });
}

export const runSse: Handler = (call) => {
  const { c, world, endpoint } = call;
  const body = RunSseBody.safeParse(call.json);
  if (!body.success) return invalidBody(endpoint, body.error);
  const { sessionId, message } = body.data;
  const session = world.sessionOf(call.token.userId, sessionId);
  if (!session) return failure(endpoint, UpstreamCode.SessionNotFound, { sessionId });

  const raw = message.parts.map((p) => p.text).join("\n");
  const marker = MARKER.exec(raw)?.[1];
  const chosen = marker === undefined ? null : Scenario.safeParse(marker.toLowerCase());
  if (chosen && !chosen.success)
    return failure(endpoint, 422, { message: `Unknown fake scenario: ${marker}` });
  const scenario = chosen?.data ?? world.scenarioFor(sessionId);

  const user = world.user(call.token.userId);
  const cost = world.config.chatCost;
  if (user.available < cost) return failure(endpoint, UpstreamCode.OutOfCredits);
  user.available -= cost;
  user.frozen += cost;

  const text = raw.replace(MARKER, "").trim();
  const signal = c.req.raw.signal;
  const run: ScenarioRun = {
    turn: new AdkTurn(),
    text,
    zh: CJK.test(text) || session.language.startsWith("zh"),
    config: world.config,
    signal,
    sleep: (ms) => sleep(ms, signal),
    edit: () => applyEdit(session),
    editLater: (ms) => world.later(ms, () => applyEdit(session)),
    drop: () => c.env.incoming.socket.destroy(),
  };
  async function* spending() {
    try {
      yield* SCRIPTS[scenario](run);
    } finally {
      user.frozen -= cost;
    }
  }
  return new Response(toStream(spending()), { headers: SSE_HEADERS });
};
