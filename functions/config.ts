// What the Worker needs configured: SECRET (checked on every request, with what to set when missing), the keys
// derived from it per purpose, and the public origin links are built on (never the request's Host header).
import { createMiddleware } from "hono/factory";
import { type KeyPurpose, purposeSecret } from "../core/hmac.ts";
import type { AppEnv } from "./context.ts";
import { fail } from "./errors.ts";

/** Shorter than this is not a secret worth signing with. */
const MIN_SECRET_LENGTH = 16;

export const requireConfig = createMiddleware<AppEnv>(async (c, next) => {
  if ((c.env.SECRET ?? "").length < MIN_SECRET_LENGTH) {
    console.error(
      "SECRET is not set: run `npm start` (it writes .dev.vars), put SECRET=<a long random string> in .dev.vars " +
        "for `wrangler dev`, or run `wrangler secret put SECRET` before deploying.",
    );
    return fail(c, "not_configured");
  }
  return next();
});

/** The key for one purpose, derived from SECRET. */
export const purposeKey = (env: Env, purpose: KeyPurpose) => purposeSecret(env.SECRET, purpose);

/** Where this Worker is reached from outside (PUBLIC_URL): signed media links and share links are built on it. */
export const publicOrigin = (env: Env) => new URL(env.PUBLIC_URL).origin;
