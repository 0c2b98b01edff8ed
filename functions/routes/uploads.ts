// Uploads: plan, stream parts into R2 (never buffered), resume, finish and hand off, cancel; and URL imports.
import { type Context, Hono } from "hono";
import { CreateUploadBody, ImportBody } from "../../core/api.ts";
import { ReelsmithError } from "../../core/errors.ts";
import { SNIFF_BYTES } from "../../core/media-type.ts";
import { unwrap } from "../../core/outcome.ts";
import { peekStream } from "../../core/peek-stream.ts";
import { assertPublicUrl } from "../../core/url-safety.ts";
import type { AppEnv } from "../context.ts";
import { parseBody } from "../errors.ts";

/** Where the upstream reaches this Worker to fetch signed media links. */
const originOf = (c: Context) => new URL(c.req.url).origin;

export const projectUploads = new Hono<AppEnv>()
  .post("/:id/uploads", async (c) => {
    const body = await parseBody(c, CreateUploadBody);
    return c.json(unwrap(await c.get("user").createUpload(c.req.param("id"), c.get("userId"), body)), 201);
  })
  .post("/:id/imports", async (c) => {
    const { url } = await parseBody(c, ImportBody);
    // Refused here before an upload is recorded; the DO checks again at every redirect it follows.
    assertPublicUrl(url);
    const upload = await c
      .get("user")
      .importUrl(c.req.param("id"), c.get("userId"), url, originOf(c), c.get("platform"));
    return c.json(unwrap(upload), 201);
  });

export const uploadsRoutes = new Hono<AppEnv>()
  .get("/:id", async (c) => c.json(unwrap(await c.get("user").getUpload(c.req.param("id")))))
  .put("/:id/parts/:n", async (c) => {
    const id = c.req.param("id");
    const n = Number(c.req.param("n"));
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
    return c.json(unwrap(await c.get("user").recordUploadPart(id, n, part.etag)));
  })
  .post("/:id/complete", async (c) =>
    c.json(unwrap(await c.get("user").completeUpload(c.req.param("id"), originOf(c), c.get("platform")))),
  )
  .delete("/:id", async (c) => c.json(unwrap(await c.get("user").deleteUpload(c.req.param("id")))));

/** Reads a refused body to its end, discarding it; a body that breaks off has nothing more to read. */
async function drain(body: ReadableStream<Uint8Array>): Promise<void> {
  const reader = body.getReader();
  try {
    while (!(await reader.read()).done) {}
  } catch {
    // the client went away
  }
}
