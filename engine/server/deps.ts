// What every route group gets: the store, the limits, the public base URL and the render jobs.
import type { Store } from "../store/index.ts";
import type { PlanInput, PlanResult } from "../types.ts";
import type { RenderJobs } from "./render-jobs.ts";

export interface EngineLimits {
  /** largest single upload, bytes */
  maxUploadBytes: number;
  /** how long an upload by URL may take, ms */
  urlFetchTimeoutMs: number;
  /** credits a new anonymous user starts with */
  initialCredits: number;
  /** credits the first edit of a session costs ("editing about 50 a session") */
  editCost: number;
  /**
   * Answer 429 to a second token request from a client that holds a live token, as the upstream does.
   * Off by default: locally the client gets its live token back, so nothing has to wait.
   */
  oneTokenPerClient: boolean;
}

export interface Deps {
  store: Store;
  limits: EngineLimits;
  renders: RenderJobs;
  /** the engine's public origin, e.g. http://127.0.0.1:8790 (known once listening) */
  baseUrl(): string;
  /** plans a chat turn: the rules, or a model first when one is configured */
  planner(input: PlanInput): Promise<PlanResult>;
}
