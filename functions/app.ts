// The Hono app: identity and language first, one route group per file, one onError that never leaks internals.
import { Hono } from "hono";
import type { AppEnv } from "./context.ts";
import { errorResponse, fail, langOf } from "./errors.ts";
import { identify } from "./identity.ts";
import { mcp } from "./mcp/route.ts";
import { openapi } from "./openapi.ts";
import { exportsRoutes, projectExports } from "./routes/exports.ts";
import { keys } from "./routes/keys.ts";
import { me } from "./routes/me.ts";
import { media } from "./routes/media.ts";
import { messages } from "./routes/messages.ts";
import { presets } from "./routes/presets.ts";
import { projects } from "./routes/projects.ts";
import { projectUploads, uploadsRoutes } from "./routes/uploads.ts";
import { share } from "./share.ts";
import { sharedExport } from "./shared-export.ts";

export const app = new Hono<AppEnv>();

app.use("*", async (c, next) => {
  c.set("lang", langOf(c));
  await next();
});

app.route("/api/presets", presets);
app.get("/api/openapi.json", (c) => c.json(openapi));
app.route("/p", share);
app.route("/s", sharedExport);
// Before the cookie-identified group: the upstream fetches media with the link's signature alone.
app.route("/api/media", media);

const api = new Hono<AppEnv>();
api.use("*", identify);
api.route("/", me);
api.route("/keys", keys);
api.route("/projects", projects);
api.route("/projects", messages);
api.route("/projects", projectExports);
api.route("/projects", projectUploads);
api.route("/uploads", uploadsRoutes);
api.route("/exports", exportsRoutes);
app.route("/api", api);
app.route("/mcp", mcp(app));

app.notFound((c) => fail(c, "not_found"));

app.onError((err, c) => errorResponse(c, err));
