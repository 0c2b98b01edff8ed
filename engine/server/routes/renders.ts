// Render (export) endpoints: submit, poll, cancel, download, and the public output URL.
import { Hono } from "hono";
import {
  Headers,
  Paths,
  type RenderProgress,
  RenderRequest,
  renderPollShapeB,
  UpstreamCode,
} from "../../../core/contract.ts";
import { readDraft } from "../../../core/draft.ts";
import type { RenderJob } from "../../store/renders.ts";
import { type AuthEnv, requireUser } from "../auth.ts";
import type { Deps } from "../deps.ts";
import { sessionNotFound, successEnvelope, UpstreamError } from "../errors.ts";
import { serveFile } from "../serve-file.ts";
import { jsonBody } from "../validate.ts";

/** Ids become file names, so they keep to a safe alphabet. */
const RENDER_ID = /^[A-Za-z0-9_.-]{1,128}$/;

const outputPath = (job: RenderJob, ext = "mp4") =>
  `/files/renders/${encodeURIComponent(job.id)}/${job.key}.${ext}`;

export function renderRoutes(deps: Deps) {
  const { renders, users, sessions } = deps.store;
  const auth = requireUser(users);

  /** Every render answer is poll shape B: it carries created/completed times and the error. */
  const view = (job: RenderJob) => {
    const p: RenderProgress = {
      id: job.id,
      status: job.status,
      progress: job.progress,
      url: job.status === "completed" ? `${deps.baseUrl()}${outputPath(job)}` : undefined,
      coverUrl:
        job.status === "completed" && job.output?.cover
          ? `${deps.baseUrl()}${outputPath(job, "jpg")}`
          : undefined,
      error: job.error,
      size: job.output?.size,
      duration: job.output?.duration,
    };
    return renderPollShapeB({ ...p, createdAt: job.createdAt, completedAt: job.completedAt });
  };

  const ownJob = (id: string, userId: string) => {
    const job = renders.get(id, userId);
    if (!job) throw new UpstreamError(404, `Render not found: ${id}`);
    return job;
  };

  return new Hono<AuthEnv>()
    .use("/api/render/*", successEnvelope)
    .post(Paths.render, auth, async (c) => {
      const missing = [Headers.source, Headers.version, Headers.platform].filter((h) => !c.req.header(h));
      if (missing.length > 0) {
        throw new UpstreamError(UpstreamCode.ExportBlocked, `Export blocked: missing ${missing.join(", ")}`);
      }
      const body = await jsonBody(c, RenderRequest);
      if (!RENDER_ID.test(body.id)) throw new UpstreamError(422, "Render id may use only A-Z a-z 0-9 _ . -");
      const rec = sessions.get(body.sessionId, c.var.user.id);
      if (!rec) throw sessionNotFound(body.sessionId);
      if (renders.find(body.id)) throw new UpstreamError(409, `Render id already exists: ${body.id}`);
      const job = deps.renders.submit({
        id: body.id,
        sessionId: rec.session_id,
        userId: rec.user_id,
        draft: readDraft(body.draft),
      });
      return c.json(view(job));
    })
    .get("/api/render/proxy/lambda/:id", auth, (c) => c.json(view(ownJob(c.req.param("id"), c.var.user.id))))
    .post("/api/render/proxy/lambda/:id/cancel", auth, (c) => {
      const job = ownJob(c.req.param("id"), c.var.user.id);
      deps.renders.cancel(job);
      return c.json(view(job));
    })
    .get("/api/render/proxy/:id/download", auth, (c) => {
      const job = ownJob(c.req.param("id"), c.var.user.id);
      if (job.status !== "completed") throw new UpstreamError(409, `Render ${job.id} is ${job.status}`);
      return serveFile(c.req.raw, renders.outputPath(job.id), {
        type: "video/mp4",
        download: `${job.id}.mp4`,
      });
    })
    .get("/files/renders/:id/:file", (c) => {
      const job = renders.find(c.req.param("id"));
      const file = c.req.param("file");
      if (job?.status !== "completed") return c.notFound();
      if (file === `${job.key}.mp4`)
        return serveFile(c.req.raw, renders.outputPath(job.id), { type: "video/mp4" });
      if (file === `${job.key}.jpg` && job.output?.cover)
        return serveFile(c.req.raw, renders.coverPath(job.id), { type: "image/jpeg" });
      return c.notFound();
    });
}
