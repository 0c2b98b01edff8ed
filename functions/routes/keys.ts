// API keys for integrations: minted once (the key and its webhook secret are shown only in this answer), listed, revoked.
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { CreateKeyBody, IdParam } from "../../core/api.ts";
import { ApiKeyView, NewApiKey, Revoked } from "../../core/api-views.ts";
import { unwrap } from "../../core/outcome.ts";
import { json, jsonBody, refusals, routes } from "../route-kit.ts";

const createKey = createRoute({
  method: "post",
  path: "/",
  tags: ["Account"],
  summary: "Mint an API key with its own webhook secret (both shown once)",
  request: { body: jsonBody(CreateKeyBody, false) },
  responses: { 201: json(NewApiKey, "The new key"), ...refusals },
});

const listKeys = createRoute({
  method: "get",
  path: "/",
  tags: ["Account"],
  summary: "The caller's API keys (never the keys themselves)",
  responses: { 200: json(z.object({ keys: z.array(ApiKeyView) }), "The keys"), ...refusals },
});

const revokeKey = createRoute({
  method: "delete",
  path: "/{id}",
  tags: ["Account"],
  summary: "Revoke an API key; its pending webhook deliveries stop",
  request: { params: IdParam },
  responses: { 200: json(Revoked, "Revoked"), ...refusals },
});

export const keys = routes()
  .openapi(createKey, async (c) => {
    const label = c.req.valid("json").label ?? "API key";
    return c.json(unwrap(await c.get("user").createApiKey(c.get("userId"), label)), 201);
  })
  .openapi(listKeys, async (c) => c.json({ keys: await c.get("user").listApiKeys() }, 200))
  .openapi(revokeKey, async (c) =>
    c.json(unwrap(await c.get("user").revokeApiKey(c.req.valid("param").id)), 200),
  );
