// What the public HTTP API takes: bodies, path parameters, queries and headers, validated at the edge.
import { z } from "zod";
import { PRESETS } from "./presets.ts";

const presetIds = PRESETS.map((p) => p.id) as [string, ...string[]];

export const Language = z.enum(["en", "zh"]);

export const CreateProjectBody = z.object({
  preset: z.enum(presetIds),
  title: z.string().trim().min(1).max(120).optional(),
  language: Language.optional(),
});

export const RenameProjectBody = z.object({ title: z.string().trim().min(1).max(120) });

export const MessageBody = z.object({ text: z.string().trim().min(1).max(4000) });

export const CreateExportBody = z
  .object({
    callbackUrl: z
      .string()
      .url()
      .max(2048)
      .optional()
      .describe("a public https:// address to POST signed export.completed / export.failed webhooks to"),
  })
  .default({});

export const IdempotencyHeader = z.object({
  "idempotency-key": z
    .string()
    .max(200)
    .optional()
    .describe("the same key on the same project answers the export it started first"),
});

/** A file name as display text: its last path segment, without control characters. */
export const displayName = (raw: string) =>
  raw
    .normalize("NFC")
    .split(/[/\\]/)
    .pop()!
    // biome-ignore lint/suspicious/noControlCharactersInRegex: stripping control characters is the point
    .replace(/[\u0000-\u001f\u007f]/g, "")
    .trim();

export const CreateUploadBody = z.object({
  name: z.string().max(1024).transform(displayName).pipe(z.string().min(1).max(255)),
  size: z.number().int().nonnegative().max(Number.MAX_SAFE_INTEGER),
  type: z.string().max(200).default(""),
});

export const IdParam = z.object({ id: z.string().min(1).max(100) });
export const PartParams = z.object({
  id: z.string().min(1).max(100),
  n: z.coerce.number().int().min(1).max(10_000).describe("1-based part number"),
});
export const TokenParam = z.object({ token: z.string().min(1).max(300) });
export const MediaParams = z.object({
  owner: z.string().min(1).max(100),
  file: z.string().min(1).max(100),
});
export const MediaQuery = z.object({
  exp: z.string().max(20).optional(),
  sig: z.string().max(200).optional(),
});

export const ProjectListQuery = z.object({
  cursor: z.string().max(200).optional().describe("nextCursor of the previous page"),
  limit: z.coerce.number().int().min(1).max(100).default(50),
});

export const DeliveryQuery = z.object({
  exportId: z.string().max(100).optional().describe("only this export's deliveries"),
});

export const ImportBody = z.object({ url: z.string().trim().min(1).max(2048) });

export const CreateKeyBody = z
  .object({ label: z.string().trim().min(1).max(60).default("API key") })
  .default({
    label: "API key",
  });

export const UpstreamTokenBody = z.object({
  token: z
    .string()
    .trim()
    .regex(/^nmv_[A-Za-z0-9_\-.]{8,200}$/),
});
