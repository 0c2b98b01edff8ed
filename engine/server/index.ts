// createEngine: the local upstream on @hono/node-server, its state under `dataDir`, listening on 127.0.0.1.
import type { AddressInfo } from "node:net";
import { serve } from "@hono/node-server";
import { MAX_UPLOAD_BYTES } from "../../core/contract.ts";
import { planMessage } from "../planner/index.ts";
import { createModelInterpreter, type ModelConfig } from "../planner/model-interpreter.ts";
import { openStore } from "../store/index.ts";
import { buildApp } from "./app.ts";
import type { EngineLimits } from "./deps.ts";
import { RenderJobs } from "./render-jobs.ts";

export interface EngineOptions {
  dataDir: string;
  /** 0 picks a free port */
  port: number;
  /** origin put in cdn_url and output URLs; defaults to http://127.0.0.1:<port> */
  publicUrl?: string;
  renderConcurrency?: number;
  limits?: Partial<EngineLimits>;
  /** a chat-completions model that reads messages first; the built-in interpreter answers when it cannot */
  plannerModel?: ModelConfig;
  log?: (line: string) => void;
}

const DEFAULT_LIMITS: EngineLimits = {
  maxUploadBytes: MAX_UPLOAD_BYTES,
  urlFetchTimeoutMs: 120_000,
  // Generous for local use, but accounted like the upstream's 100 free credits are.
  initialCredits: 10_000,
  editCost: 50,
  oneTokenPerClient: false,
};

export async function createEngine(opts: EngineOptions) {
  const limits = { ...DEFAULT_LIMITS, ...opts.limits };
  const store = await openStore(opts.dataDir, limits);
  let origin = opts.publicUrl;
  const baseUrl = () => {
    if (!origin) throw new Error("engine: the public URL is known once the engine listens");
    return origin;
  };
  const renders = new RenderJobs(store, baseUrl, opts.renderConcurrency);
  const model = opts.plannerModel && createModelInterpreter(opts.plannerModel, opts.log ?? console.warn);
  const planner = (input: Parameters<typeof planMessage>[0]) => planMessage(input, model);
  const app = buildApp({ store, limits, renders, baseUrl, planner });
  let server: ReturnType<typeof serve> | undefined;

  return {
    app,
    /** Listens, then re-runs renders a previous process left unfinished. */
    async start(): Promise<{ port: number; url: string }> {
      const port = await new Promise<number>((resolve) => {
        server = serve({ fetch: app.fetch, port: opts.port, hostname: "127.0.0.1" }, (info: AddressInfo) =>
          resolve(info.port),
        );
      });
      origin ??= `http://127.0.0.1:${port}`;
      renders.resume();
      return { port, url: `http://127.0.0.1:${port}` };
    },
    /** Stops listening and rendering; unfinished renders stay recorded and resume on the next start. */
    async close(): Promise<void> {
      await renders.close();
      const s = server;
      if (s) {
        await new Promise<void>((resolve) => {
          s.close(() => resolve());
          if ("closeAllConnections" in s) s.closeAllConnections();
        });
      }
      await store.flush();
    },
  };
}

export type Engine = Awaited<ReturnType<typeof createEngine>>;
