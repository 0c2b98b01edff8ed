// Zod at the edge: a JSON body parsed by a contract schema, or a 422 saying what is wrong (as the ADK server).
import type { Context } from "hono";
import { z } from "zod";
import { UpstreamError } from "./errors.ts";

/** An absent or empty body counts as `{}`, so schemas with defaults accept it; undefined when not JSON. */
export async function readJson(c: Context): Promise<unknown> {
  const text = await c.req.text();
  if (text.trim() === "") return {};
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

export async function jsonBody<S extends z.ZodType>(c: Context, schema: S): Promise<z.output<S>> {
  const parsed = schema.safeParse(await readJson(c));
  if (!parsed.success) throw new UpstreamError(422, `Invalid request: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}
