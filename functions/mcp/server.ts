// The MCP server Reelsmith offers agents: its name, how to use it, and its tools, bound to one caller's API access.
import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js";
import pkg from "../../package.json";
import type { ApiCaller } from "./api.ts";
import { registerExportTools } from "./export-tools.ts";
import { registerInstructTool } from "./instruct-tool.ts";
import { registerProjectTools } from "./project-tools.ts";

const INSTRUCTIONS =
  "Reelsmith turns photos, clips or a script plus one sentence into a platform-ready MP4. " +
  "Flow: list_presets → create_project → import_url for each file (optional: a script alone works) → " +
  "send_instruction with what the video should be → start_export → get_export with waitSeconds until completed " +
  "→ get_download_link. Errors carry Reelsmith's code, message and hint: follow the hint.";

export function mcpServer(api: ApiCaller): McpServer {
  const server = new McpServer({ name: "reelsmith", version: pkg.version }, { instructions: INSTRUCTIONS });
  registerProjectTools(server, api);
  registerInstructTool(server, api);
  registerExportTools(server, api);
  return server;
}
