// Bearer-token middleware: the token's user, or 1001 for a missing, unknown or expired token.
import { createMiddleware } from "hono/factory";
import { UpstreamCode } from "../../core/contract.ts";
import type { UserRecord, UserStore } from "../store/users.ts";
import { type EnvelopeEnv, UpstreamError } from "./errors.ts";

export type AuthEnv = { Variables: EnvelopeEnv["Variables"] & { user: UserRecord } };

export const requireUser = (users: UserStore) =>
  createMiddleware<AuthEnv>(async (c, next) => {
    const token = /^Bearer\s+(\S+)$/i.exec(c.req.header("Authorization") ?? "")?.[1];
    const user = token ? users.authenticate(token) : undefined;
    if (!user) throw new UpstreamError(UpstreamCode.TokenInvalid, "Token invalid or expired");
    c.set("user", user);
    await next();
  });
