// API keys for integrations: minted once (the key is shown only in this answer), listed, revoked.
import { Hono } from "hono";
import { CreateKeyBody } from "../../core/api.ts";
import { unwrap } from "../../core/outcome.ts";
import type { AppEnv } from "../context.ts";
import { parseBody } from "../errors.ts";

export const keys = new Hono<AppEnv>()
  .post("/", async (c) => {
    const { label } = await parseBody(c, CreateKeyBody);
    return c.json(await c.get("user").createApiKey(c.get("userId"), label), 201);
  })
  .get("/", async (c) => c.json({ keys: await c.get("user").listApiKeys() }))
  .delete("/:id", async (c) => c.json(unwrap(await c.get("user").revokeApiKey(c.req.param("id")))));
