// Exports: start one (Idempotency-Key honoured, optional signed webhook), read its progress, download the file.
import { Hono } from "hono";
import { CreateExportBody } from "../../core/api.ts";
import { unwrap } from "../../core/outcome.ts";
import { assertPublicUrl } from "../../core/url-safety.ts";
import type { AppEnv } from "../context.ts";
import { fail, parseBody } from "../errors.ts";
import { serveObject } from "../r2-response.ts";

export const projectExports = new Hono<AppEnv>().post("/:id/exports", async (c) => {
  const body = await parseBody(c, CreateExportBody);
  if (body.callbackUrl) assertPublicUrl(body.callbackUrl);
  const idempotencyKey = c.req.header("Idempotency-Key")?.slice(0, 200) || undefined;
  const exp = unwrap(
    await c
      .get("user")
      .createExport(c.req.param("id"), { idempotencyKey, callbackUrl: body.callbackUrl }, c.get("platform")),
  );
  return c.json({ id: exp.id, status: exp.status, progress: exp.progress }, 202);
});

export const exportsRoutes = new Hono<AppEnv>()
  .get("/:id", async (c) => c.json(unwrap(await c.get("user").getExport(c.req.param("id")))))
  .get("/:id/download", async (c) => {
    const key = unwrap(await c.get("user").exportFileKey(c.req.param("id")));
    const res = await serveObject(c.env.MEDIA, key, c.req.raw, {
      disposition: `attachment; filename="reelsmith-${c.req.param("id")}.mp4"`,
    });
    return res ?? fail(c, "not_found");
  });
