// The one error shape of the public API, as zod schemas: error answers, failed uploads and exports, chat errors.
import { z } from "zod";
import { ERROR_ACTION_KINDS, ERROR_CODES } from "./errors.ts";

/** What some errors add to their code and words, as plain data. */
const ErrorExtraFields = {
  problem: z.string().optional().describe("what was wrong with the request"),
  part: z.number().int().optional().describe("the part number"),
  expected: z.number().int().optional().describe("the length that part must have"),
  missing: z.array(z.number().int()).optional().describe("the parts not stored yet"),
  name: z.string().optional().describe("the file's name"),
  declaredType: z.string().optional().describe("the media type the request declared"),
  named: z.string().nullable().optional().describe("the type the file's name says"),
  detected: z.string().nullable().optional().describe("the type its bytes are"),
  reason: z
    .enum([
      "invalid",
      "not_https",
      "credentials",
      "ip_literal",
      "local_host",
      "metadata_host",
      "too_many_redirects",
    ])
    .optional()
    .describe("why an address was refused"),
  status: z.number().int().optional().describe("the HTTP status an import's source answered"),
  size: z.number().int().optional().describe("the file's size, for a range outside it"),
  limit: z
    .enum(["messages-per-minute", "concurrent-exports", "upload-bytes-per-day", "projects", "api-keys"])
    .optional()
    .describe("the fair-use limit reached"),
  max: z.number().optional().describe("that limit's number"),
  retryAfter: z.number().int().optional().describe("seconds to wait, also sent as Retry-After"),
  maxUploadBytes: z.number().int().optional().describe("the upload limit a file is over"),
  limitBy: z.enum(["engine", "nemovideo"]).optional().describe("whose limit that is"),
};
const ErrorExtra = z.object(ErrorExtraFields);
export type ErrorExtra = z.infer<typeof ErrorExtra>;

export const ErrorInfo = z
  .object({
    code: z.enum(ERROR_CODES as [string, ...string[]]),
    message: z.string().describe("in the request's language (Accept-Language: zh or ?lang=zh)"),
    hint: z.string().describe("what to do about it, in the same language"),
    action: z
      .object({ kind: z.enum(ERROR_ACTION_KINDS), url: z.string().optional() })
      .optional()
      .describe("what the caller can offer: a registration link, trying again, waiting …"),
    ...ErrorExtraFields,
  })
  .describe("A catalogue failure, with the fields its code adds")
  .meta({ id: "ErrorInfo" });

export const ErrorBody = z.object({ error: ErrorInfo }).meta({ id: "Error" });

export type ErrorInfo = z.infer<typeof ErrorInfo>;
