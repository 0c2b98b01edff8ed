// Exports: start one (Idempotency-Key honoured, optional signed webhook), read its progress, download it, its
// poster, and a public share link for it.
import { Hono } from "hono";
import { CreateExportBody } from "../../core/api.ts";
import { attachmentDisposition } from "../../core/download-name.ts";
import { SHARE_TTL_S, sealShare } from "../../core/export-share.ts";
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
    const files = unwrap(await c.get("user").exportFiles(c.req.param("id")));
    const res = await serveObject(c.env.MEDIA, files.video, c.req.raw, {
      disposition: attachmentDisposition(files.title, "mp4"),
    });
    return res ?? fail(c, "not_found");
  })
  .get("/:id/cover", async (c) => {
    const { cover } = unwrap(await c.get("user").exportFiles(c.req.param("id")));
    const res = cover ? await serveObject(c.env.MEDIA, cover, c.req.raw) : null;
    return res ?? fail(c, "not_found");
  })
  .post("/:id/share", async (c) => {
    const { info } = unwrap(await c.get("user").exportFiles(c.req.param("id")));
    const exp = Math.floor(Date.now() / 1000) + SHARE_TTL_S;
    const token = await sealShare({ userId: c.get("userId"), exportId: info.id, exp }, c.env.SECRET);
    return c.json({ url: `${new URL(c.req.url).origin}/s/${token}`, expiresAt: exp * 1000 }, 201);
  });
