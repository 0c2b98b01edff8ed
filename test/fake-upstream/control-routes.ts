// The /__fake/* control API: reset, inspect, faults, scenarios, config, render plans, drafts, credits, clock.
import { type Context, Hono } from "hono";
import { z } from "zod";
import {
  ClockBody,
  ConfigPatch,
  CreditsBody,
  DraftBody,
  FaultSpec,
  RenderPlan,
  ScenarioChoice,
} from "./control-schema.ts";
import type { FakeWorld } from "./world.ts";

/** A JSON-body route: 400 with the reason when the body does not fit, else what `use` answers (or ok). */
const withBody =
  <S extends z.ZodType>(schema: S, use: (data: z.output<S>, c: Context) => unknown) =>
  async (c: Context) => {
    const parsed = schema.safeParse(await c.req.json().catch(() => undefined));
    if (!parsed.success) return c.json({ error: z.prettifyError(parsed.error) }, 400);
    const out = use(parsed.data, c);
    return out instanceof Response ? out : c.json(out ?? { ok: true });
  };

export function controlRoutes(world: FakeWorld): Hono {
  const app = new Hono();
  app.post("/reset", (c) => {
    world.reset();
    return c.json({ ok: true });
  });
  app.get("/inspect", (c) => c.json(world.inspect()));
  app.post(
    "/faults",
    withBody(FaultSpec, (spec) => world.addFault(spec)),
  );
  app.post(
    "/scenario",
    withBody(ScenarioChoice, ({ scenario, sessionId }) => {
      if (sessionId === undefined) world.defaultScenario = scenario;
      else world.sessionScenarios.set(sessionId, scenario);
    }),
  );
  app.post(
    "/config",
    withBody(ConfigPatch, (patch) => world.patchConfig(patch)),
  );
  app.post(
    "/renders",
    withBody(RenderPlan, (plan) => world.addRenderPlan(plan)),
  );
  app.put(
    "/sessions/:sid/draft",
    withBody(DraftBody, ({ draft }, c) => {
      const session = world.sessions.get(c.req.param("sid") ?? "");
      if (!session) return c.json({ error: "no such session" }, 404);
      session.draft = draft;
    }),
  );
  app.post(
    "/credits",
    withBody(CreditsBody, ({ available, frozen, userId }, c) => {
      const users = [...world.users.values()].filter((u) => userId === undefined || u.userId === userId);
      if (userId !== undefined && users.length === 0) return c.json({ error: "no such user" }, 404);
      for (const user of users) {
        user.available = available;
        user.frozen = frozen ?? user.frozen;
      }
    }),
  );
  app.post(
    "/clock",
    withBody(ClockBody, ({ advanceMs }) => world.advanceClock(advanceMs)),
  );
  return app;
}
