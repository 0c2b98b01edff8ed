// The caller: identity, credits, and using one's own upstream token.
import { createRoute } from "@hono/zod-openapi";
import { UpstreamTokenBody } from "../../core/api.ts";
import { CreditsView, Me, TokenAdopted } from "../../core/api-views.ts";
import { unwrap } from "../../core/outcome.ts";
import { json, jsonBody, refusals, routes } from "../route-kit.ts";

const getMe = createRoute({
  method: "get",
  path: "/me",
  tags: ["Account"],
  summary: "Who is calling",
  responses: { 200: json(Me, "The caller"), ...refusals },
});

const getCredits = createRoute({
  method: "get",
  path: "/credits",
  tags: ["Account"],
  summary: "The editor's credit balance (never signs in to the editor just to read it)",
  responses: { 200: json(CreditsView, "The balance"), ...refusals },
});

const putUpstreamToken = createRoute({
  method: "put",
  path: "/me/upstream-token",
  tags: ["Account"],
  summary: "Use your own NemoVideo token (checked first, stored server-side, never returned)",
  request: { body: jsonBody(UpstreamTokenBody) },
  responses: {
    200: json(TokenAdopted, "Checked with the editor and stored"),
    ...refusals,
  },
});

export const me = routes()
  .openapi(getMe, async (c) => {
    const info = await c.get("user").me(c.get("userId"));
    return c.json({ ...info, platform: c.get("platform"), lang: c.get("lang") }, 200);
  })
  .openapi(getCredits, async (c) =>
    c.json(unwrap(await c.get("user").credits(c.get("platform"), false)), 200),
  )
  .openapi(putUpstreamToken, async (c) => {
    const { token } = c.req.valid("json");
    return c.json(unwrap(await c.get("user").useOwnToken(token, c.get("platform"))), 200);
  });
