// The Hono app: configuration, security headers, body cap and language first; one route group per file, declared
// with its schemas and chained so the app's type carries every route (the page's typed client reads it); one
// onError that never leaks internals.
import { bodyLimit } from "hono/body-limit";
import { createMiddleware } from "hono/factory";
import { secureHeaders } from "hono/secure-headers";
import { ReelsmithError } from "../core/errors.ts";
import { CSP_DIRECTIVES, HSTS, REFERRER_POLICY } from "../core/security-headers.ts";
import { mountDocs } from "./api-docs.ts";
import { requireConfig } from "./config.ts";
import type { AppEnv } from "./context.ts";
import { errorResponse, fail, langOf } from "./errors.ts";
import { identify } from "./identity.ts";
import { mcp } from "./mcp/route.ts";
import { routes } from "./route-kit.ts";
import { exportsRoutes, projectExports } from "./routes/exports.ts";
import { keys } from "./routes/keys.ts";
import { me } from "./routes/me.ts";
import { media } from "./routes/media.ts";
import { messages } from "./routes/messages.ts";
import { presets } from "./routes/presets.ts";
import { projects } from "./routes/projects.ts";
import { projectUploads, uploadsRoutes } from "./routes/uploads.ts";
import { webhooks } from "./routes/webhooks.ts";
import { share } from "./share.ts";
import { sharedExport } from "./shared-export.ts";

/** JSON bodies are read only up to this; a part of an upload is raw bytes and streams on to R2 unread. */
const MAX_JSON_BYTES = 64 * 1024;
const PART_PATH = /^\/api\/uploads\/[^/]+\/parts\/[^/]+$/;

const headers = (hsts: boolean) =>
  secureHeaders({
    contentSecurityPolicy: CSP_DIRECTIVES,
    xFrameOptions: "DENY",
    referrerPolicy: REFERRER_POLICY,
    strictTransportSecurity: hsts ? HSTS : false,
    crossOriginResourcePolicy: false,
  });
const overHttps = headers(true);
const overHttp = headers(false);

const securityHeaders = createMiddleware<AppEnv>((c, next) =>
  (new URL(c.req.url).protocol === "https:" ? overHttps : overHttp)(c, next),
);

const capJsonBodies = createMiddleware<AppEnv>((c, next) => {
  if (PART_PATH.test(new URL(c.req.url).pathname)) return next();
  return bodyLimit({
    maxSize: MAX_JSON_BYTES,
    onError: () => {
      throw new ReelsmithError("request_too_large");
    },
  })(c, next);
});

/** What a signed-in caller reads is theirs alone: no shared or browser cache keeps it. */
const personal = createMiddleware<AppEnv>(async (c, next) => {
  await next();
  if (!c.res.headers.has("Cache-Control")) c.res.headers.set("Cache-Control", "private, no-store");
});

const api = routes();
api.use("*", identify, personal);

const authenticated = api
  .route("/", me)
  .route("/keys", keys)
  .route("/projects", projects)
  .route("/projects", messages)
  .route("/projects", projectExports)
  .route("/projects", projectUploads)
  .route("/uploads", uploadsRoutes)
  .route("/exports", exportsRoutes)
  .route("/webhooks", webhooks);

export const app = routes();
app.use("*", securityHeaders, requireConfig, async (c, next) => {
  c.set("lang", langOf(c));
  await next();
});
app.use("/api/*", capJsonBodies);
mountDocs(app);

const routed = app
  .route("/api/presets", presets)
  // Before the signed-in group: the upstream fetches media with the link's signature alone.
  .route("/api/media", media)
  .route("/s", sharedExport)
  .route("/p", share)
  .route("/api", authenticated);
app.route("/mcp", mcp(app));

app.notFound((c) => fail(c, "not_found"));
app.onError((err, c) => errorResponse(c, err));

/** Every route with its request and response types, for the page's typed client (`hc<AppType>`). */
export type AppType = typeof routed;
