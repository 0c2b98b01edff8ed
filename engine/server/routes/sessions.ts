// Agent sessions: creation and the latest state (draft, media, canvas).
import { Hono } from "hono";
import {
  APP_NAME,
  CreateSessionBody,
  okEnvelope,
  Paths,
  SeedDraftBody,
  type Session,
} from "../../../core/contract.ts";
import { isReady, readDraft } from "../../../core/draft.ts";
import { type AuthEnv, requireUser } from "../auth.ts";
import type { Deps } from "../deps.ts";
import { sessionNotFound, UpstreamError } from "../errors.ts";
import { jsonBody } from "../validate.ts";
import { sessionState } from "../views.ts";

export function sessionRoutes(deps: Deps) {
  const { sessions, users } = deps.store;
  return (
    new Hono<AuthEnv>()
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
      })
      // The engine's own addition: a session that replaced a lost one (1002) gets the lost timeline back, once its
      // media are this session's own files, so editing goes on where it stopped. Only into a session not yet edited.
      .put(`/api/state/${APP_NAME}/me/:sid/draft`, requireUser(users), async (c) => {
        const sid = c.req.param("sid");
        const rec = sessions.get(sid, c.var.user.id);
        if (!rec) throw sessionNotFound(sid);
        const draft = readDraft((await jsonBody(c, SeedDraftBody)).draft);
        if (isReady(rec.draft)) throw new UpstreamError(409, "The session already has a timeline");
        const own = new Set(sessions.mediaItems(rec, deps.baseUrl()).map((m) => new URL(m.url).pathname));
        const foreign = draft.t
          .flatMap((t) => t.sg)
          .filter((s) => s.src && s.k !== "synth" && !own.has(URL.parse(s.src, "http://x")?.pathname ?? ""));
        if (foreign.length)
          throw new UpstreamError(422, `Media not in this session: ${foreign.map((s) => s.src).join(", ")}`);
        sessions.applyTurn(rec, { draft, history: [], future: [] });
        return c.json(okEnvelope(sessionState(rec, deps.baseUrl())));
      })
  );
}
