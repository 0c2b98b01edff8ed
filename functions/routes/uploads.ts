// Uploads: plan, stream parts into R2 (never buffered), resume, finish and hand off, cancel; and URL imports.
import { createRoute } from "@hono/zod-openapi";
import { z } from "zod";
import { CreateUploadBody, IdParam, ImportBody, PartParams } from "../../core/api.ts";
import { Deleted, UploadPlan, UploadView } from "../../core/api-views.ts";
import { ReelsmithError } from "../../core/errors.ts";
import { SNIFF_BYTES } from "../../core/media-type.ts";
import { unwrap } from "../../core/outcome.ts";
import { peekStream } from "../../core/peek-stream.ts";
import { assertPublicUrl } from "../../core/url-safety.ts";
import { json, jsonBody, refusals, routes } from "../route-kit.ts";

const planUpload = createRoute({
  method: "post",
  path: "/{id}/uploads",
  tags: ["Uploads"],
  summary: "Plan an upload: name, type and size are checked before any byte moves",
  request: { params: IdParam, body: jsonBody(CreateUploadBody) },
  responses: { 201: json(UploadPlan, "The plan: send partCount parts of partSize bytes"), ...refusals },
});

const importUpload = createRoute({
  method: "post",
  path: "/{id}/imports",
  tags: ["Uploads"],
  summary: "Bring in a file from a public https:// address, then hand it to the editor",
  description:
    "Answers once the file is stored, `sent` to the editor: read `GET /api/uploads/{id}` until it is `ready`, as after " +
    "completing an upload.",
  request: { params: IdParam, body: jsonBody(ImportBody) },
  responses: { 201: json(UploadView, "The imported file, queued for the editor"), ...refusals },
});

const getUpload = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Uploads"],
  summary: "An upload and the parts already stored (for resuming)",
  request: { params: IdParam },
  responses: { 200: json(UploadView, "The upload"), ...refusals },
});

const putPart = createRoute({
  method: "put",
  path: "/{id}/parts/{n}",
  tags: ["Uploads"],
  summary: "Send part n as the raw body with Content-Length; sending it again replaces it",
  request: {
    params: PartParams,
    body: {
      required: true,
      content: { "application/octet-stream": { schema: z.string().meta({ format: "binary" }) } },
    },
  },
  responses: { 200: json(UploadView, "The upload with this part stored"), ...refusals },
});

const completeUpload = createRoute({
  method: "post",
  path: "/{id}/complete",
  tags: ["Uploads"],
  summary: "Assemble the parts and hand the file to the editor",
  description:
    "Answers at once. 202: the file is `sent` and the editor is fetching and measuring it; read `GET /api/uploads/{id}` " +
    "until it is `ready` (or `failed`: the editor refused the file). A message sent meanwhile reaches the editor after " +
    "the file. If the editor stays unavailable through several tries the upload goes back to `stored` with the error: " +
    "call complete again. 200: it was already `ready`. Calling it again while it is `sent` changes nothing.",
  request: { params: IdParam },
  responses: {
    200: json(UploadView, "Already handed over: the file as the editor measured it"),
    202: json(UploadView, "Assembled and queued for the editor (`sent`)"),
    ...refusals,
  },
});

const deleteUpload = createRoute({
  method: "delete",
  path: "/{id}",
  tags: ["Uploads"],
  summary: "Cancel or delete an upload, freeing its storage",
  request: { params: IdParam },
  responses: { 200: json(Deleted, "Deleted"), ...refusals },
});

export const projectUploads = routes()
  .openapi(planUpload, async (c) => {
    const plan = await c
      .get("user")
      .createUpload(c.req.valid("param").id, c.get("userId"), c.req.valid("json"));
    return c.json(unwrap(plan), 201);
  })
  .openapi(importUpload, async (c) => {
    const { url } = c.req.valid("json");
    // Refused here before an upload is recorded; the DO checks again at every redirect it follows.
    assertPublicUrl(url);
    const upload = await c
      .get("user")
      .importUrl(c.req.valid("param").id, c.get("userId"), url, c.get("platform"), c.get("lang"));
    return c.json(unwrap(upload), 201);
  });

export const uploadsRoutes = routes()
  .openapi(getUpload, async (c) =>
    c.json(unwrap(await c.get("user").getUpload(c.req.valid("param").id, c.get("lang"))), 200),
  )
  .openapi(putPart, async (c) => {
    const { id, n } = c.req.valid("param");
    if (!c.req.raw.body)
      throw new ReelsmithError("part_mismatch", { extra: { problem: "The part has no body." } });
    let body = c.req.raw.body;
    let head: Uint8Array | undefined;
    if (n === 1) ({ head, stream: body } = await peekStream(body, SNIFF_BYTES));
    const length = Number(c.req.header("Content-Length"));
    const target = await c.get("user").uploadPartTarget(id, n, length, head);
    if (!target.ok) {
      // Answering before the body is read leaves the client (and a proxy in front) mid-send: read it to the end.
      await drain(body);
      throw ReelsmithError.of(target.failure);
    }
    const { key, r2UploadId } = target.value;
    // FixedLengthStream gives R2 the known length it requires and fails the part if the bytes fall short.
    const part = await c.env.MEDIA.resumeMultipartUpload(key, r2UploadId)
      .uploadPart(n, body.pipeThrough(new FixedLengthStream(length)))
      .catch(() => {
        // The connection dropped mid-part (phones do): the part is simply not stored; the client resends it.
        throw new ReelsmithError("part_mismatch", { extra: { part: n, problem: "The part ended early." } });
      });
    return c.json(unwrap(await c.get("user").recordUploadPart(id, n, part.etag, c.get("lang"))), 200);
  })
  .openapi(completeUpload, async (c) => {
    const upload = unwrap(
      await c.get("user").completeUpload(c.req.valid("param").id, c.get("platform"), c.get("lang")),
    );
    return upload.state === "ready" ? c.json(upload, 200) : c.json(upload, 202);
  })
  .openapi(deleteUpload, async (c) =>
    c.json(unwrap(await c.get("user").deleteUpload(c.req.valid("param").id)), 200),
  );

/** Reads a refused body to its end, discarding it; a body that breaks off has nothing more to read. */
async function drain(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done) {}
  } catch {
    // the client went away
  }
}
