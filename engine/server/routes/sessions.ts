// Agent sessions: creation and the latest state (draft, media, canvas).
import { Hono } from "hono";
import { APP_NAME, CreateSessionBody, okEnvelope, Paths, type Session } from "../../../core/contract.ts";
import { type AuthEnv, requireUser } from "../auth.ts";
import type { Deps } from "../deps.ts";
import { sessionNotFound } from "../errors.ts";
import { jsonBody } from "../validate.ts";
import { sessionState } from "../views.ts";

export function sessionRoutes(deps: Deps) {
  const { sessions, users } = deps.store;
  return new Hono<AuthEnv>()
    .post(Paths.createSession, requireUser(users), async (c) => {
      const { task_name, language } = await jsonBody(c, CreateSessionBody);
      const rec = sessions.create(c.var.user.id, task_name, language);
      return c.json(
        okEnvelope<Session>({ task_id: rec.task_id, session_id: rec.session_id, user_id: rec.user_id }),
      );
    })
    .get(`/api/state/${APP_NAME}/me/:sid/latest`, requireUser(users), (c) => {
      const sid = c.req.param("sid");
      const rec = sessions.get(sid, c.var.user.id);
      if (!rec) throw sessionNotFound(sid);
      return c.json(okEnvelope(sessionState(rec, deps.baseUrl())));
    });
}
