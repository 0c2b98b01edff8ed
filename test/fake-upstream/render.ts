// Render endpoints: submit (attribution required, unique id), poll in shape A or B, cancel, download, output file.
import type { Context } from "hono";
import {
  Headers,
  type RenderProgress,
  RenderRequest,
  renderPollShapeA,
  renderPollShapeB,
  UpstreamCode,
} from "../../core/contract.ts";
import { type Draft, isReady, readDraft } from "../../core/draft.ts";
import { png } from "../contract/media.ts";
import { failure, invalidBody } from "./failures.ts";
import type { FakeEnv, Handler, UpstreamCall } from "./handler.ts";
import { placeholderMp4, renderState } from "./render-lifecycle.ts";
import type { FakeWorld, RenderRecord, TokenRecord } from "./world.ts";

export const submitRender: Handler = (call) => {
  const { c, world, endpoint, token } = call;
  const missing = [Headers.source, Headers.version, Headers.platform].filter((h) => !c.req.header(h));
  if (missing.length > 0) {
    const message = `Export blocked: missing attribution header(s) ${missing.join(", ")}`;
    return failure(endpoint, UpstreamCode.ExportBlocked, { message });
  }
  const body = RenderRequest.safeParse(call.json);
  if (!body.success) return invalidBody(endpoint, body.error);
  const { id, sessionId } = body.data;
  if (!world.sessionOf(token.userId, sessionId)) return failure(endpoint, UpstreamCode.SessionNotFound);
  if (world.renders.has(id)) return failure(endpoint, 409, { message: `Render id already exists: ${id}` });
  const plan = world.takeRenderPlan(sessionId);
  const draft = readDraft(body.data.draft);
  const record: RenderRecord = {
    id,
    sessionId,
    userId: token.userId,
    draft,
    createdAt: world.now(),
    durationMs: plan?.durationMs ?? world.config.renderMs,
    shape: plan?.shape,
    cover: plan?.cover,
    chunked: plan?.chunked,
    failWith: plan?.error ?? (isReady(draft) ? undefined : "Draft has no segments to render"),
  };
  world.renders.set(id, record);
  return Response.json({
    success: true,
    data: { id, status: "pending", progress: 0, createdAt: record.createdAt },
  });
};

const outputUrl = (baseUrl: string, id: string) => `${baseUrl}/renders/${encodeURIComponent(id)}.mp4`;
const coverUrl = (baseUrl: string, id: string) => `${baseUrl}/renders/${encodeURIComponent(id)}.png`;

/** The poster: a small one-colour PNG in the draft's aspect (9:16 when the draft names no size). */
export function coverPng(draft: Draft): Uint8Array<ArrayBuffer> {
  const { width = 1080, height = 1920 } = draft.m;
  const scale = 160 / Math.max(width, height);
  return png(Math.max(1, Math.round(width * scale)), Math.max(1, Math.round(height * scale)), [232, 90, 120]);
}

/** The caller's render named in the path, or the 404 to answer. */
function ownRender(call: UpstreamCall & { token: TokenRecord }): RenderRecord | Response {
  const r = call.world.renders.get(call.param ?? "");
  if (r && r.userId === call.token.userId) return r;
  return failure(call.endpoint, 404, { message: `Render not found: ${call.param}` });
}

export const pollRender: Handler = (call) => {
  const r = ownRender(call);
  if (r instanceof Response) return r;
  const { world } = call;
  const state = renderState(r, world.now());
  const done = state.status === "completed";
  const progress: RenderProgress = {
    id: r.id,
    status: state.status,
    progress: state.progress,
    error: state.error,
    url: done ? outputUrl(call.baseUrl, r.id) : undefined,
    coverUrl: done && r.cover !== false ? coverUrl(call.baseUrl, r.id) : undefined,
    size: done ? placeholderMp4(r.id, world.config.renderFileBytes).length : undefined,
    duration: done ? r.draft.d / 1000 : undefined,
  };
  const shape = r.shape ?? world.config.pollShape;
  return Response.json(
    shape === "A"
      ? renderPollShapeA(progress)
      : renderPollShapeB({ ...progress, createdAt: r.createdAt, completedAt: state.completedAt }),
  );
};

export const cancelRender: Handler = (call) => {
  const r = ownRender(call);
  if (r instanceof Response) return r;
  const { status } = renderState(r, call.world.now());
  if (status === "completed" || status === "failed") {
    return failure(call.endpoint, 409, { message: `Render ${r.id} already ${status}` });
  }
  r.cancelledAt = call.world.now();
  return Response.json({ success: true, data: { id: r.id, status: "failed", error: "Render cancelled" } });
};

function fileResponse(world: FakeWorld, r: RenderRecord): Response {
  const bytes = placeholderMp4(r.id, world.config.renderFileBytes);
  const headers = {
    "Content-Type": "video/mp4",
    "Content-Disposition": `attachment; filename="${r.id}.mp4"`,
  };
  if (!r.chunked) return new Response(bytes, { headers });
  // in uneven 1 MB pieces, so the reader cannot count on chunk boundaries
  const pieces = Array.from({ length: Math.ceil(bytes.length / 1_000_003) }, (_, i) =>
    bytes.subarray(i * 1_000_003, (i + 1) * 1_000_003),
  );
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      const next = pieces.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  return new Response(stream, { headers });
}

export const downloadRender: Handler = (call) => {
  const r = ownRender(call);
  if (r instanceof Response) return r;
  const { status } = renderState(r, call.world.now());
  if (status !== "completed") return failure(call.endpoint, 409, { message: `Render ${r.id} is ${status}` });
  return fileResponse(call.world, r);
};

/** GET /renders/:file, the output url (`<id>.mp4`) and cover (`<id>.png`): public like a CDN link, once the render completed. */
export function serveRenderOutput(c: Context<FakeEnv>, world: FakeWorld): Response {
  const [, id, ext] = /^(.*)\.(mp4|png)$/.exec(c.req.param("file") ?? "") ?? [];
  const r = world.renders.get(id ?? "");
  if (!r || renderState(r, world.now()).status !== "completed" || (ext === "png" && r.cover === false))
    return new Response("not found", { status: 404 });
  if (ext === "png") return new Response(coverPng(r.draft), { headers: { "Content-Type": "image/png" } });
  return fileResponse(world, r);
}
