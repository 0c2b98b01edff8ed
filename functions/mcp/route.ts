// The /mcp endpoint: MCP over Streamable HTTP for agents, one stateless server per request, bearer API keys only.
import { WebStandardStreamableHTTPServerTransport } from "@modelcontextprotocol/sdk/server/webStandardStreamableHttp.js";
import { Hono } from "hono";
import type { AppEnv } from "../context.ts";
import { fail } from "../errors.ts";
import { type ApiApp, ApiCaller } from "./api.ts";
import { mcpServer } from "./server.ts";

/** JSON-RPC messages are small; anything bigger is refused before it is parsed. */
const MAX_BODY_BYTES = 64 * 1024;

type Vars = AppEnv & { Variables: { api: ApiCaller } };

/** `app` is the Worker's own API, which every tool calls with the caller's key. */
export function mcp(app: ApiApp) {
  return new Hono<Vars>()
    .use(async (c, next) => {
      const authorization = c.req.header("Authorization");
      // Never the cookie: an agent names itself with its key.
      if (!authorization || !/^Bearer\s+\S/i.test(authorization)) return challenge(fail(c, "unauthorized"));
      const api = new ApiCaller(
        app,
        c.env,
        c.executionCtx,
        new URL(c.req.url).origin,
        authorization,
        c.get("lang"),
      );
      // The API checks the key, as for any of its calls.
      const me = await api.raw("GET", "/api/me");
      if (!me.ok) return challenge(me);
      c.set("api", api);
      await next();
    })
    .post("/", async (c) => {
      // Stateless: no session id, so any Worker instance answers any request.
      const transport = new WebStandardStreamableHTTPServerTransport({ maxRequestBodySize: MAX_BODY_BYTES });
      await mcpServer(c.get("api")).connect(transport);
      return streamed(await transport.handleRequest(c.req.raw));
    })
    .on(["GET", "DELETE"], "/", (c) =>
      // No sessions, so no stream to open or session to end.
      c.json({ jsonrpc: "2.0", error: { code: -32000, message: "Method not allowed." }, id: null }, 405, {
        Allow: "POST",
      }),
    );
}

/** A refusal as it is; a 401 also says which scheme to use. */
function challenge(res: Response): Response {
  if (res.status !== 401) return res;
  const out = new Response(res.body, res);
  out.headers.set("WWW-Authenticate", 'Bearer realm="reelsmith"');
  return out;
}

/** `wrangler dev` buffers streamed responses unless they say identity; progress must arrive as it happens. */
function streamed(res: Response): Response {
  if (!res.headers.get("Content-Type")?.startsWith("text/event-stream")) return res;
  const out = new Response(res.body, res);
  out.headers.set("Content-Encoding", "identity");
  return out;
}
