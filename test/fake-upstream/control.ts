// Typed fetch client for the fake upstream's /__fake/* control API; no Node APIs, so workerd tests can use it.
import type {
  ConfigPatch,
  CreditsBody,
  FakeConfig,
  FaultSpec,
  Inspection,
  RenderPlan,
  Scenario,
} from "./control-schema.ts";

export interface FakeControl {
  /** Forget every token, session, render, request and fault; restore the start-up config. */
  reset(): Promise<void>;
  inspect(): Promise<Inspection>;
  /** The next `times` (default 1) requests to the endpoint answer the code. */
  fault(spec: FaultSpec): Promise<void>;
  /** Chat scenario for one session, or the default for all when `sessionId` is omitted. */
  scenario(scenario: Scenario, sessionId?: string): Promise<void>;
  /** Changes part of the config; answers the whole config. */
  config(patch: ConfigPatch): Promise<FakeConfig>;
  /** How the next submitted render behaves (poll shape, duration, failure). */
  renderPlan(plan: RenderPlan): Promise<void>;
  setDraft(sessionId: string, draft: unknown): Promise<void>;
  setCredits(credits: CreditsBody): Promise<void>;
  /** Moves the fake's clock (token expiry, the 7-day token windows, renders). */
  advanceClock(ms: number): Promise<void>;
}

export function fakeControl(baseUrl: string): FakeControl {
  const call = async (method: string, path: string, body?: unknown): Promise<unknown> => {
    const res = await fetch(`${baseUrl.replace(/\/$/, "")}/__fake${path}`, {
      method,
      headers: body === undefined ? {} : { "Content-Type": "application/json" },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`fake upstream control ${method} ${path}: HTTP ${res.status} ${text}`);
    return text ? JSON.parse(text) : null;
  };
  return {
    reset: async () => void (await call("POST", "/reset")),
    inspect: async () => (await call("GET", "/inspect")) as Inspection,
    fault: async (spec) => void (await call("POST", "/faults", spec)),
    scenario: async (scenario, sessionId) => void (await call("POST", "/scenario", { scenario, sessionId })),
    config: async (patch) => (await call("POST", "/config", patch)) as FakeConfig,
    renderPlan: async (plan) => void (await call("POST", "/renders", plan)),
    setDraft: async (sessionId, draft) =>
      void (await call("PUT", `/sessions/${encodeURIComponent(sessionId)}/draft`, { draft })),
    setCredits: async (credits) => void (await call("POST", "/credits", credits)),
    advanceClock: async (ms) => void (await call("POST", "/clock", { advanceMs: ms })),
  };
}
