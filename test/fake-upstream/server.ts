// The fake NemoVideo upstream on 127.0.0.1: every endpoint of docs/upstream.md, fault injection, and /__fake/* control.
import type { Server } from "node:http";
import type { AddressInfo } from "node:net";
import { createAdaptorServer } from "@hono/node-server";
import { Hono } from "hono";
import { UpstreamCode } from "../../core/contract.ts";
import { anonymousToken, claimToken, createSession, credits, state } from "./account.ts";
import { runSse } from "./chat.ts";
import { type FakeControl, fakeControl } from "./control.ts";
import { controlRoutes } from "./control-routes.ts";
import { ConfigPatch, DEFAULT_CONFIG, type Endpoint } from "./control-schema.ts";
import { type EndpointMatch, matchEndpoint } from "./endpoints.ts";
import { failure } from "./failures.ts";
import type { FakeEnv, Handler } from "./handler.ts";
import { serveUpload, upload } from "./media.ts";
import { cancelRender, downloadRender, pollRender, serveRenderOutput, submitRender } from "./render.ts";
import { FakeWorld } from "./world.ts";

export interface FakeUpstreamOptions {
  /** 0 (default) picks a free port */
  port?: number;
  /** start-up config; /__fake/reset returns to it */
  config?: ConfigPatch;
}

export interface FakeUpstream {
  port: number;
  url: string;
  control: FakeControl;
  close(): Promise<void>;
}

const HANDLERS: Record<Exclude<Endpoint, "anonymousToken">, Handler> = {
  createSession,
  claimToken,
  runSse,
  upload,
  credits,
  state,
  render: submitRender,
  renderPoll: pollRender,
  renderCancel: cancelRender,
  renderDownload: downloadRender,
};

/** The session a request concerns, for fault matching and the per-session /run_sse counts. */
function sessionIdOf(world: FakeWorld, match: EndpointMatch | null, json: unknown): string | null {
  const body = (json && typeof json === "object" ? json : {}) as Record<string, unknown>;
  const fromBody = body.session_id ?? body.sessionId;
  switch (match?.endpoint) {
    case "upload":
    case "state":
      return match.param ?? null;
    case "runSse":
    case "claimToken":
    case "render":
      return typeof fromBody === "string" ? fromBody : null;
    case "renderPoll":
    case "renderCancel":
    case "renderDownload":
      return world.renders.get(match.param ?? "")?.sessionId ?? null;
    default:
      return null;
  }
}

function fakeUpstreamApp(world: FakeWorld, baseUrl: () => string): Hono<FakeEnv> {
  const app = new Hono<FakeEnv>();
  app.route("/__fake", controlRoutes(world));
  app.use("*", async (c, next) => {
    const match = matchEndpoint(c.req.method, c.req.path);
    const isJson = (c.req.header("content-type") ?? "").includes("application/json");
    const json: unknown = isJson ? await c.req.json().catch(() => undefined) : undefined;
    const sessionId = sessionIdOf(world, match, json);
    world.record({
      method: c.req.method,
      url: c.env.incoming.url ?? c.req.path,
      headers: c.req.header(),
      endpoint: match?.endpoint ?? null,
      sessionId,
      ...(json === undefined ? {} : { body: json }),
    });
    if (!match) return next();
    const authorization = c.req.header("authorization");
    const fault = world.takeFault(match.endpoint, sessionId);
    if (fault?.delayMs) await new Promise((r) => setTimeout(r, fault.delayMs));
    if (fault && fault.code !== 200) {
      if (fault.code === UpstreamCode.TokenInvalid) world.revoke(authorization);
      return failure(match.endpoint, fault.code, { message: fault.message, sessionId });
    }
    const call = { c, world, endpoint: match.endpoint, baseUrl: baseUrl(), param: match.param, json };
    if (match.endpoint === "anonymousToken") return anonymousToken(call);
    const token = world.authenticate(authorization);
    if (!token) {
      world.revoke(authorization);
      return failure(match.endpoint, UpstreamCode.TokenInvalid);
    }
    return HANDLERS[match.endpoint]({ ...call, token });
  });
  app.get("/cdn/:hash/:name", (c) => serveUpload(c, world));
  app.get("/renders/:file", (c) => serveRenderOutput(c, world));
  return app;
}

export async function startFakeUpstream(opts: FakeUpstreamOptions = {}): Promise<FakeUpstream> {
  const world = new FakeWorld({ ...DEFAULT_CONFIG, ...ConfigPatch.parse(opts.config ?? {}) });
  let url = "";
  const app = fakeUpstreamApp(world, () => url);
  const server = createAdaptorServer({ fetch: app.fetch }) as Server;
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(opts.port ?? 0, "127.0.0.1", resolve);
  });
  const { port } = server.address() as AddressInfo;
  url = `http://127.0.0.1:${port}`;
  return {
    port,
    url,
    control: fakeControl(url),
    close: () =>
      new Promise<void>((resolve) => {
        world.reset();
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
