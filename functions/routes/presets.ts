// Platform presets, public and cacheable.
import { Hono } from "hono";
import { getPreset, PRESETS } from "../../core/presets.ts";
import type { AppEnv } from "../context.ts";
import { fail } from "../errors.ts";

export const presets = new Hono<AppEnv>()
  .get("/", (c) => c.json({ presets: PRESETS }, 200, { "Cache-Control": "public, max-age=300" }))
  .get("/:id", (c) => {
    const p = getPreset(c.req.param("id"));
    return p ? c.json(p, 200, { "Cache-Control": "public, max-age=300" }) : fail(c, "not_found");
  });
