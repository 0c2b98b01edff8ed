// Platform presets, public and cacheable, each with the upload limit of the upstream behind this deployment.
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { IdParam } from "../../core/api.ts";
import { PresetView } from "../../core/api-views.ts";
import { ReelsmithError } from "../../core/errors.ts";
import { getPreset, PRESETS, type Preset } from "../../core/presets.ts";
import { uploadLimit, upstreamKindOf } from "../../core/upload-limits.ts";
import { json, PUBLIC, refusals, routes } from "../route-kit.ts";

const CACHE = { "Cache-Control": "public, max-age=300" };

/** A preset with the upload limit that applies with this deployment's upstream, and whose limit it is. */
const withLimit = (p: Preset, env: Env) => ({
  ...p,
  uploadLimit: uploadLimit(p, upstreamKindOf(env.UPSTREAM_KIND)),
});

const listPresets = createRoute({
  method: "get",
  path: "/",
  tags: ["Presets"],
  summary: "Every platform preset",
  ...PUBLIC,
  responses: { 200: json(z.object({ presets: z.array(PresetView) }), "The presets"), ...refusals },
});

const getOne = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Presets"],
  summary: "One preset",
  ...PUBLIC,
  request: { params: IdParam },
  responses: { 200: json(PresetView, "The preset"), ...refusals },
});

export const presets = routes()
  .openapi(listPresets, (c) => c.json({ presets: PRESETS.map((p) => withLimit(p, c.env)) }, 200, CACHE))
  .openapi(getOne, (c) => {
    const p = getPreset(c.req.valid("param").id);
    if (!p) throw new ReelsmithError("not_found");
    return c.json(withLimit(p, c.env), 200, CACHE);
  });
