// POST /run_sse: one agent turn planned by the engine's planner and answered as an ADK event stream.
import { Hono } from "hono";
import { streamSSE } from "hono/streaming";
import { z } from "zod";
import { Paths, RunSseBody, UpstreamCode } from "../../../core/contract.ts";
import type { PlanResult } from "../../types.ts";
import { turnEvents } from "../adk.ts";
import { type AuthEnv, requireUser } from "../auth.ts";
import type { Deps } from "../deps.ts";
import { adkError, UpstreamError } from "../errors.ts";
import { readJson } from "../validate.ts";

export function chatRoutes(deps: Deps) {
  const { sessions, users } = deps.store;
  return new Hono<AuthEnv>().post(Paths.runSse, requireUser(users), async (c) => {
    const parsed = RunSseBody.safeParse(await readJson(c));
    if (!parsed.success) throw adkError(422, z.prettifyError(parsed.error));
    const { sessionId, message, streaming } = parsed.data;
    const user = c.var.user;
    const rec = sessions.get(sessionId, user.id);
    if (!rec) throw adkError(404, `Session not found: ${sessionId}`);

    // Editing is charged once per session; the charge is held while the turn runs.
    const hold = rec.charged ? 0 : deps.limits.editCost;
    if (hold > 0 && !users.freeze(user, hold)) {
      throw new UpstreamError(UpstreamCode.OutOfCredits, `Insufficient credits: editing needs ${hold}`);
    }
    let plan: PlanResult;
    try {
      plan = await deps.planner({
        draft: rec.draft,
        instruction: message.parts.map((p) => p.text).join("\n"),
        media: sessions.mediaItems(rec, deps.baseUrl()),
        history: rec.history,
        future: rec.future ?? [],
        presetId: rec.presetId,
      });
    } catch (err) {
      users.settle(user, hold, false);
      throw err;
    }
    if (plan.changed) sessions.applyTurn(rec, plan);
    const charge = hold > 0 && plan.changed;
    if (charge) sessions.markCharged(rec);

    return streamSSE(c, async (stream) => {
      try {
        for (const ev of turnEvents(plan, streaming === true))
          await stream.writeSSE({ data: JSON.stringify(ev) });
      } finally {
        users.settle(user, hold, charge);
      }
    });
  });
}
