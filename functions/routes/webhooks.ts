// The webhook delivery log: every signed delivery of an export's outcome, its attempts and what came back.
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { DeliveryQuery } from "../../core/api.ts";
import { WebhookDelivery } from "../../core/api-views.ts";
import { json, refusals, routes } from "../route-kit.ts";

const listDeliveries = createRoute({
  method: "get",
  path: "/deliveries",
  tags: ["Webhooks"],
  summary: "Webhook deliveries, newest first (the last 100), with their attempts and the last answer",
  request: { query: DeliveryQuery },
  responses: {
    200: json(z.object({ deliveries: z.array(WebhookDelivery) }), "The deliveries"),
    ...refusals,
  },
});

export const webhooks = routes().openapi(listDeliveries, async (c) =>
  c.json({ deliveries: await c.get("user").webhookDeliveries(c.req.valid("query").exportId) }, 200),
);
