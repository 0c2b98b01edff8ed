// Identity and balance: anonymous tokens, claim links and credits.
import { randomBytes } from "node:crypto";
import { Hono } from "hono";
import type { z } from "zod";
import {
  type AnonymousToken,
  type Claim,
  ClaimBody,
  type Credits,
  Headers,
  okEnvelope,
  Paths,
  UpstreamCode,
} from "../../../core/contract.ts";
import { type AuthEnv, requireUser } from "../auth.ts";
import type { Deps } from "../deps.ts";
import { sessionNotFound, UpstreamError } from "../errors.ts";
import { jsonBody } from "../validate.ts";

const CLAIM_TTL_SEC = 7 * 24 * 60 * 60;

export function accountRoutes({ store }: Deps) {
  const auth = requireUser(store.users);
  return new Hono<AuthEnv>()
    .post(Paths.anonymousToken, (c) => {
      const clientId = c.req.header(Headers.clientId)?.trim();
      if (!clientId || clientId.length > 200) {
        throw new UpstreamError(UpstreamCode.MissingClientId, `${Headers.clientId} header is required`);
      }
      const issued = store.users.issueToken(clientId);
      if (issued === "rate-limited") {
        throw new UpstreamError(UpstreamCode.RateLimited, "One anonymous token per client every 7 days");
      }
      const { token, expiresAt, user } = issued;
      return c.json(
        okEnvelope<AnonymousToken>({
          token,
          user_id: user.id,
          credits: user.available,
          expires_at: new Date(expiresAt).toISOString(),
        }),
      );
    })
    .post(Paths.claimToken, auth, async (c) => {
      const { task_id, session_id } = await jsonBody(c, ClaimBody);
      const rec = store.sessions.get(session_id, c.var.user.id);
      if (!rec || rec.task_id !== task_id) throw sessionNotFound(session_id);
      // Claiming hands a project to a registered NemoVideo account; locally the link has nowhere to lead,
      // so the token is minted in the upstream's format and not kept.
      return c.json(
        okEnvelope<z.infer<typeof Claim>>({
          claim_token: `clm_${randomBytes(18).toString("hex")}`,
          expires_in: CLAIM_TTL_SEC,
        }),
      );
    })
    .get(Paths.credits, auth, (c) => c.json(okEnvelope<Credits>(store.users.credits(c.var.user))));
}
