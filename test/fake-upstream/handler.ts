// What an upstream endpoint handler receives: the request, the world, the path parameter, the body and the caller.
import type { HttpBindings } from "@hono/node-server";
import type { Context } from "hono";
import type { Endpoint } from "./control-schema.ts";
import type { FakeWorld, TokenRecord } from "./world.ts";

export type FakeEnv = { Bindings: HttpBindings };

export interface UpstreamCall {
  c: Context<FakeEnv>;
  world: FakeWorld;
  endpoint: Endpoint;
  /** origin the fake serves files from (cdn_url, render output url) */
  baseUrl: string;
  /** the session or render id in the path */
  param?: string;
  /** the parsed JSON body, if the request had one */
  json: unknown;
}

/** A handler behind the bearer-token check (every endpoint but the token request). */
export type Handler = (call: UpstreamCall & { token: TokenRecord }) => Response | Promise<Response>;
