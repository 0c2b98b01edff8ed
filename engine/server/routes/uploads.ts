// Uploads into a session: multipart field `files` (streamed to disk) or JSON {urls, source_type:"url"}.
import { Hono } from "hono";
import { APP_NAME, okEnvelope, UploadByUrlBody, type UploadResult } from "../../../core/contract.ts";
import { MediaRejected } from "../../media/errors.ts";
import { fetchAndStage } from "../../media/fetch-url.ts";
import { commit, discard, type Staged, stage } from "../../media/ingest.ts";
import { boundaryOf, MultipartError, parseMultipart } from "../../media/multipart.ts";
import { chunksOf } from "../../media/sink.ts";
import { type AuthEnv, requireUser } from "../auth.ts";
import type { Deps } from "../deps.ts";
import { sessionNotFound, UpstreamError } from "../errors.ts";
import { jsonBody } from "../validate.ts";
import { uploadedFile } from "../views.ts";

async function stageParts(
  req: Request,
  boundary: string,
  staged: Staged[],
  opts: { tmpDir: string; maxBytes: number },
) {
  if (!req.body) throw new UpstreamError(422, "Empty upload");
  for await (const part of parseMultipart(chunksOf(req.body), boundary)) {
    if (part.name === "files" && part.filename !== undefined)
      staged.push(await stage(part.body, part.filename, opts));
  }
}

export function uploadRoutes(deps: Deps) {
  const { sessions, users, tmpDir } = deps.store;
  return new Hono<AuthEnv>().post(`/api/upload-video/${APP_NAME}/me/:sid`, requireUser(users), async (c) => {
    const sid = c.req.param("sid");
    const rec = sessions.get(sid, c.var.user.id);
    if (!rec) throw sessionNotFound(sid);
    const opts = { tmpDir, maxBytes: deps.limits.maxUploadBytes, timeoutMs: deps.limits.urlFetchTimeoutMs };
    const boundary = boundaryOf(c.req.header("Content-Type"));
    // All or nothing: one refused file refuses the whole request.
    const staged: Staged[] = [];
    try {
      if (boundary) {
        await stageParts(c.req.raw, boundary, staged, opts);
      } else {
        const { urls } = await jsonBody(c, UploadByUrlBody);
        for (const url of urls) staged.push(await fetchAndStage(url, opts));
      }
      if (staged.length === 0)
        throw new UpstreamError(422, "No files: send multipart field `files` or JSON {urls}");
      const media = await commit(staged, sessions.mediaDir(sid));
      sessions.addMedia(rec, media);
      const files = media.map((m) => uploadedFile(sid, m, deps.baseUrl()));
      return c.json(okEnvelope<UploadResult>({ files, session_state_applied: true }));
    } catch (err) {
      await discard(staged);
      // The refusal may come before the body was read to the end: the connection cannot be reused.
      c.header("Connection", "close");
      if (err instanceof MediaRejected) throw new UpstreamError(err.code, err.message);
      if (err instanceof MultipartError) throw new UpstreamError(422, err.message);
      throw err;
    }
  });
}
