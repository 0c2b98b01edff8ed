// The caller: identity, credits, and using one's own upstream token.
import { Hono } from "hono";
import { UpstreamTokenBody } from "../../core/api.ts";
import { unwrap } from "../../core/outcome.ts";
import type { AppEnv } from "../context.ts";
import { parseBody } from "../errors.ts";

export const me = new Hono<AppEnv>()
  .get("/me", async (c) => {
    const info = await c.get("user").me(c.get("userId"));
    return c.json({ ...info, platform: c.get("platform"), lang: c.get("lang") });
  })
  .get("/credits", async (c) => c.json(unwrap(await c.get("user").credits(c.get("platform")))))
  .put("/me/upstream-token", async (c) => {
    const { token } = await parseBody(c, UpstreamTokenBody);
    return c.json(unwrap(await c.get("user").useOwnToken(token, c.get("platform"))));
  });
