// MCP progress notifications for a tool call, sent only when the client asked for them with a progress token.
import type { RequestHandlerExtra } from "@modelcontextprotocol/sdk/shared/protocol.js";
import type { ServerNotification, ServerRequest } from "@modelcontextprotocol/sdk/types.js";

type ToolExtra = RequestHandlerExtra<ServerRequest, ServerNotification>;
export type Report = (progress: number, message: string, total?: number) => Promise<void>;

export function progressOf(extra: ToolExtra): Report {
  const progressToken = extra._meta?.progressToken;
  if (progressToken === undefined) return async () => {};
  return (progress, message, total) =>
    extra.sendNotification({
      method: "notifications/progress",
      params: { progressToken, progress, message, ...(total === undefined ? {} : { total }) },
    });
}
