// The engine's Hono app: every upstream endpoint (docs/upstream.md) plus the files it serves.
import { Hono } from "hono";
import { errorEnvelope } from "../../core/contract.ts";
import type { Deps } from "./deps.ts";
import { type EnvelopeEnv, onError } from "./errors.ts";
import { accountRoutes } from "./routes/account.ts";
import { chatRoutes } from "./routes/chat.ts";
import { fileRoutes } from "./routes/files.ts";
import { renderRoutes } from "./routes/renders.ts";
import { sessionRoutes } from "./routes/sessions.ts";
import { uploadRoutes } from "./routes/uploads.ts";

export function buildApp(deps: Deps) {
  return new Hono<EnvelopeEnv>()
    .route("/", accountRoutes(deps))
    .route("/", sessionRoutes(deps))
    .route("/", uploadRoutes(deps))
    .route("/", chatRoutes(deps))
    .route("/", renderRoutes(deps))
    .route("/", fileRoutes(deps))
    .get("/health", (c) => c.json({ ok: true }))
    .notFound((c) => c.json(errorEnvelope(404, `Not found: ${c.req.method} ${c.req.path}`), 404))
    .onError(onError);
}
