// Who is calling: an API key (Bearer) or an HMAC-signed opaque user cookie; unsafe cookie requests must be same-origin.
import { getSignedCookie, setSignedCookie } from "hono/cookie";
import { createMiddleware } from "hono/factory";
import { userIdOfKey } from "../durable/api-keys.ts";
import { purposeKey } from "./config.ts";
import type { AppEnv } from "./context.ts";
import { fail } from "./errors.ts";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);
const YEAR_S = 365 * 86_400;

const cookieName = (secure: boolean) => (secure ? "__Host-rs_uid" : "rs_uid");
const newUserId = () => `u_${crypto.randomUUID().replaceAll("-", "")}`;

export const identify = createMiddleware<AppEnv>(async (c, next) => {
  const auth = c.req.header("Authorization");
  if (auth) {
    const key = auth.replace(/^Bearer\s+/i, "").trim();
    const userId = userIdOfKey(key);
    const stub = userId ? c.env.USER_DO.get(c.env.USER_DO.idFromName(userId)) : null;
    const keyId = stub ? await stub.verifyApiKey(key) : null;
    if (!userId || !stub || !keyId) return fail(c, "unauthorized");
    c.set("userId", userId);
    c.set("keyId", keyId);
    c.set("platform", "api");
    c.set("user", stub);
    return next();
  }

  const url = new URL(c.req.url);
  if (!SAFE_METHODS.has(c.req.method) && !isSameOrigin(c.req.raw, url)) return fail(c, "forbidden_origin");
  const secure = url.protocol === "https:";
  const name = cookieName(secure);
  const secret = await purposeKey(c.env, "cookie");
  let userId = await getSignedCookie(c, secret, name);
  if (!userId || !/^u_[0-9a-f]{32}$/.test(userId)) {
    userId = newUserId();
    await setSignedCookie(c, name, userId, secret, {
      httpOnly: true,
      sameSite: "Lax",
      secure,
      path: "/",
      maxAge: YEAR_S,
    });
  }
  c.set("userId", userId);
  c.set("platform", "web");
  c.set("user", c.env.USER_DO.get(c.env.USER_DO.idFromName(userId)));
  return next();
});

/**
 * Browsers always send Origin or Sec-Fetch-Site on cross-site unsafe requests; a request with neither is not
 * from a browser page (curl, server code) and carries no ambient-credential risk.
 */
function isSameOrigin(req: Request, url: URL): boolean {
  const origin = req.headers.get("Origin");
  if (origin) return origin === url.origin;
  const site = req.headers.get("Sec-Fetch-Site");
  return !site || site === "same-origin" || site === "none";
}
