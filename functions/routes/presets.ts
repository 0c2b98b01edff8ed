// Platform presets, public and cacheable, each with the upload limit of the upstream behind this deployment.
import { Hono } from "hono";
import { getPreset, PRESETS, type Preset } from "../../core/presets.ts";
import { uploadLimit, upstreamKindOf } from "../../core/upload-limits.ts";
import type { AppEnv } from "../context.ts";
import { fail } from "../errors.ts";

const CACHE = { "Cache-Control": "public, max-age=300" };

/** A preset with the upload limit that applies with this deployment's upstream, and whose limit it is. */
const withLimit = (p: Preset, env: Env) => ({
  ...p,
  uploadLimit: uploadLimit(p, upstreamKindOf(env.UPSTREAM_KIND)),
});

export const presets = new Hono<AppEnv>()
  .get("/", (c) => c.json({ presets: PRESETS.map((p) => withLimit(p, c.env)) }, 200, CACHE))
  .get("/:id", (c) => {
    const p = getPreset(c.req.param("id"));
    return p ? c.json(withLimit(p, c.env), 200, CACHE) : fail(c, "not_found");
  });
