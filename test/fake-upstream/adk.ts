// ADK events (camelCase, as the agent server emits them) and the SSE frames around them: `data:` lines only.
import { randomUUID } from "node:crypto";
import { APP_NAME, type Part } from "../../core/contract.ts";

/** `data: <json>` and a blank line: no `event:` or `id:` fields, ever. */
export const frame = (json: unknown) => `data: ${JSON.stringify(json)}\n\n`;

/** The three keep-alive forms NemoVideo's gateway sends: an SSE comment, an empty `data:`, a heartbeat. */
export const KEEP_ALIVES = [": keep-alive\n\n", "data:\n\n", frame({ type: "heartbeat" })] as const;

/** Events of one invocation (one user message), sharing an invocationId. */
export class AdkTurn {
  readonly invocationId = `e-${randomUUID()}`;

  private event(role: "model" | "user", parts: Part[], extra: Record<string, unknown> = {}) {
    return {
      content: { role, parts },
      author: APP_NAME,
      invocationId: this.invocationId,
      id: randomUUID(),
      timestamp: Date.now() / 1000,
      actions: { stateDelta: {}, artifactDelta: {} },
      ...extra,
    };
  }

  /** A text chunk (`partial`) or a whole text. */
  text(text: string, partial = false) {
    return this.event("model", [{ text }], partial ? { partial: true } : {});
  }

  call(id: string, name: string, args: Record<string, unknown>) {
    return this.event("model", [{ functionCall: { id, name, args } }]);
  }

  /** Function responses come back with role `user`. */
  response(id: string, name: string, response: unknown) {
    return this.event("user", [{ functionResponse: { id, name, response } }]);
  }

  error(errorCode: string, errorMessage: string) {
    return {
      author: APP_NAME,
      invocationId: this.invocationId,
      id: randomUUID(),
      timestamp: Date.now() / 1000,
      errorCode,
      errorMessage,
    };
  }
}
