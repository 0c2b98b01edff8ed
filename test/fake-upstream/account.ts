// Token, session, claim, credits and state endpoints of the fake upstream.
import { randomBytes } from "node:crypto";
import { ClaimBody, CreateSessionBody, Headers, okEnvelope, UpstreamCode } from "../../core/contract.ts";
import { readDraft } from "../../core/draft.ts";
import { failure, invalidBody } from "./failures.ts";
import type { Handler, UpstreamCall } from "./handler.ts";

const CLAIM_TTL_S = 7 * 24 * 60 * 60;

export const anonymousToken = ({ c, world, endpoint }: UpstreamCall): Response => {
  const clientId = c.req.header(Headers.clientId)?.trim();
  if (!clientId) return failure(endpoint, UpstreamCode.MissingClientId);
  const issued = world.issueToken(clientId, c.env.incoming.socket.remoteAddress ?? "unknown");
  if (issued === "rate-limited") return failure(endpoint, UpstreamCode.RateLimited);
  return Response.json(
    okEnvelope({
      token: issued.token,
      user_id: issued.userId,
      credits: world.user(issued.userId).available,
      expires_at: new Date(issued.expiresAt).toISOString(),
    }),
  );
};

export const createSession: Handler = (call) => {
  const body = CreateSessionBody.safeParse(call.json ?? {});
  if (!body.success) return invalidBody(call.endpoint, body.error);
  const s = call.world.createSession(call.token.userId, body.data.task_name, body.data.language);
  return Response.json(okEnvelope({ task_id: s.taskId, session_id: s.sessionId, user_id: s.userId }));
};

export const claimToken: Handler = (call) => {
  const body = ClaimBody.safeParse(call.json);
  if (!body.success) return invalidBody(call.endpoint, body.error);
  const session = call.world.sessionOf(call.token.userId, body.data.session_id);
  if (!session || session.taskId !== body.data.task_id)
    return failure(call.endpoint, UpstreamCode.SessionNotFound);
  return Response.json(
    okEnvelope({ claim_token: `clm_${randomBytes(16).toString("hex")}`, expires_in: CLAIM_TTL_S }),
  );
};

export const credits: Handler = (call) => {
  const { available, frozen } = call.world.user(call.token.userId);
  return Response.json(okEnvelope({ available, frozen, total: available + frozen }));
};

export const state: Handler = (call) => {
  const s = call.world.sessionOf(call.token.userId, call.param ?? "");
  if (!s) return failure(call.endpoint, UpstreamCode.SessionNotFound);
  const { m } = readDraft(s.draft);
  return Response.json(
    okEnvelope({
      session_id: s.sessionId,
      task_id: s.taskId,
      task_name: s.taskName,
      state: {
        draft: s.draft,
        video_infos: s.videoInfos,
        canvas_config: { width: m.width ?? 1080, height: m.height ?? 1920, fps: m.fps ?? 30 },
        generated_media: [],
        video_analyses: [],
      },
    }),
  );
};
