// What every route group is declared with: an OpenAPIHono whose validation failures are the catalogue's bad_request,
// and the response entries routes share (JSON bodies, files, the error shape).
import { OpenAPIHono } from "@hono/zod-openapi";
import { z } from "zod";
import { ErrorBody } from "../core/api-errors.ts";
import { ReelsmithError } from "../core/errors.ts";
import type { AppEnv } from "./context.ts";

/** A route group. A request that fails its schema is a 400 naming the first problem. */
export const routes = () =>
  new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (result.success) return;
      const issue = result.error.issues[0];
      const problem = `${issue?.path.join(".") || result.target}: ${issue?.message ?? "invalid"}`;
      throw new ReelsmithError("bad_request", { extra: { problem } });
    },
  });

/** A JSON answer. */
export const json = <S extends z.ZodType>(schema: S, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** A JSON request body (at most 64 KB). */
export const jsonBody = <S extends z.ZodType>(schema: S, required = true) => ({
  required,
  content: { "application/json": { schema } },
});

const Binary = z.string().meta({ format: "binary" });

/** A file answer; Range requests get 206 with the part, or 416 in the error shape. */
export const file = (type: string, description: string) => ({
  200: { description, content: { [type]: { schema: Binary } } },
  206: { description: "The requested byte range", content: { [type]: { schema: Binary } } },
});

/** Every route may refuse (4XX) or fail (5XX) with the one error shape. */
export const refusals = {
  "4XX": json(ErrorBody, "Refused: the error's code, message and hint say why and what to do"),
  "5XX": json(ErrorBody, "The server or the video service failed; the action says whether to retry"),
};

/** Routes anyone may call without a cookie or key. */
export const PUBLIC = { security: [] };
