// ADK events for one agent turn: the edit's functionCall/functionResponse, then the reply text.
import { randomUUID } from "node:crypto";
import { type AdkEvent, APP_NAME, type Part } from "../../core/contract.ts";
import type { PlanResult } from "../types.ts";

/** Characters per partial text event: roughly what a model streams at a time. */
const CHUNK_CHARS = 12;

function event(
  invocationId: string,
  role: "model" | "user",
  parts: Part[],
  partial?: boolean,
  stateDelta: Record<string, unknown> = {},
): AdkEvent {
  return {
    content: { role, parts },
    author: APP_NAME,
    invocationId,
    id: randomUUID(),
    timestamp: Date.now() / 1000,
    actions: { stateDelta, artifactDelta: {} },
    ...(partial ? { partial: true } : {}),
  };
}

/**
 * As the ADK server does: with `streaming` the reply arrives as `partial` chunks and then once whole;
 * without it, only whole. A turn that edits nothing has no tool events.
 */
export function turnEvents(plan: PlanResult, streaming: boolean): AdkEvent[] {
  const invocationId = `e-${randomUUID()}`;
  const events: AdkEvent[] = [];
  if (plan.tool) {
    const callId = `adk-${randomUUID()}`;
    const { name, args } = plan.tool;
    events.push(event(invocationId, "model", [{ functionCall: { id: callId, name, args } }]));
    const response = { status: "success", changed: plan.changed };
    events.push(event(invocationId, "user", [{ functionResponse: { id: callId, name, response } }]));
  }
  if (plan.reply) {
    const chars = Array.from(plan.reply);
    for (let i = 0; streaming && i < chars.length; i += CHUNK_CHARS) {
      events.push(event(invocationId, "model", [{ text: chars.slice(i, i + CHUNK_CHARS).join("") }], true));
    }
    // The export itself is the client's to start; the whole reply says the message asked for it.
    const delta = plan.exportRequested ? { export_requested: true } : {};
    events.push(event(invocationId, "model", [{ text: plan.reply }], false, delta));
  }
  return events;
}
