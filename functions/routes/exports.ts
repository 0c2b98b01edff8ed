// Exports: start one (Idempotency-Key honoured per project, optional signed webhook), read its progress, download
// it, its poster, and a public share link for it.
import { createRoute } from "@hono/zod-openapi";
import { CreateExportBody, IdempotencyHeader, IdParam } from "../../core/api.ts";
import { ExportView, ShareLink } from "../../core/api-views.ts";
import { attachmentDisposition } from "../../core/download-name.ts";
import { ReelsmithError } from "../../core/errors.ts";
import { SHARE_TTL_S, sealShare } from "../../core/export-share.ts";
import { unwrap } from "../../core/outcome.ts";
import { assertPublicUrl } from "../../core/url-safety.ts";
import { publicOrigin } from "../config.ts";
import { serveObject } from "../r2-response.ts";
import { file, json, jsonBody, refusals, routes } from "../route-kit.ts";

const startExport = createRoute({
  method: "post",
  path: "/{id}/exports",
  tags: ["Exports"],
  summary: "Start an export of the project's current draft; it renders to the end even if nobody waits",
  request: { params: IdParam, headers: IdempotencyHeader, body: jsonBody(CreateExportBody, false) },
  responses: { 202: json(ExportView, "Started (or the export this Idempotency-Key started)"), ...refusals },
});

const getExport = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Exports"],
  summary: "An export's status and progress (pending → processing → completed | failed)",
  request: { params: IdParam },
  responses: { 200: json(ExportView, "The export"), ...refusals },
});

const download = createRoute({
  method: "get",
  path: "/{id}/download",
  tags: ["Exports"],
  summary: "The finished MP4, named after the project (Range supported)",
  request: { params: IdParam },
  responses: { ...file("video/mp4", "The video"), ...refusals },
});

const cover = createRoute({
  method: "get",
  path: "/{id}/cover",
  tags: ["Exports"],
  summary: "The export's poster image",
  request: { params: IdParam },
  responses: { ...file("image/*", "The poster"), ...refusals },
});

const share = createRoute({
  method: "post",
  path: "/{id}/share",
  tags: ["Sharing"],
  summary: "A public link to this one finished export, valid for 30 days: /s/<token>",
  request: { params: IdParam },
  responses: { 201: json(ShareLink, "The link"), ...refusals },
});

export const projectExports = routes().openapi(startExport, async (c) => {
  const { callbackUrl } = c.req.valid("json");
  if (callbackUrl) {
    assertPublicUrl(callbackUrl);
    if (!c.get("keyId")) throw new ReelsmithError("callback_needs_key");
  }
  const exp = await c.get("user").createExport(c.req.valid("param").id, {
    idempotencyKey: c.req.valid("header")["idempotency-key"] || undefined,
    callbackUrl,
    keyId: c.get("keyId"),
    platform: c.get("platform"),
    lang: c.get("lang"),
  });
  return c.json(unwrap(exp), 202);
});

export const exportsRoutes = routes()
  .openapi(getExport, async (c) =>
    c.json(unwrap(await c.get("user").getExport(c.req.valid("param").id, c.get("lang"))), 200),
  )
  .openapi(download, async (c) => {
    const files = unwrap(await c.get("user").exportFiles(c.req.valid("param").id));
    return serveObject(c, files.video, { disposition: attachmentDisposition(files.title, "mp4") });
  })
  .openapi(cover, async (c) => {
    const { cover } = unwrap(await c.get("user").exportFiles(c.req.valid("param").id));
    if (!cover) throw new ReelsmithError("not_found");
    return serveObject(c, cover);
  })
  .openapi(share, async (c) => {
    const { id } = unwrap(await c.get("user").exportFiles(c.req.valid("param").id));
    const exp = Math.floor(Date.now() / 1000) + SHARE_TTL_S;
    const token = await sealShare({ userId: c.get("userId"), exportId: id, exp }, c.env.SECRET);
    return c.json({ url: `${publicOrigin(c.env)}/s/${token}`, expiresAt: exp * 1000 }, 201);
  });
