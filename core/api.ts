// Request bodies of the public HTTP API, validated at the edge.
import { z } from "zod";
import { PRESETS } from "./presets.ts";

const presetIds = PRESETS.map((p) => p.id) as [string, ...string[]];

export const Language = z.enum(["en", "zh"]);

export const CreateProjectBody = z.object({
  preset: z.enum(presetIds),
  title: z.string().trim().min(1).max(120).optional(),
  language: Language.optional(),
});

export const MessageBody = z.object({ text: z.string().trim().min(1).max(4000) });

export const CreateExportBody = z
  .object({ callbackUrl: z.string().url().max(2048).optional() })
  .default({});

export const CreateKeyBody = z.object({ label: z.string().trim().min(1).max(60).default("API key") }).default({
  label: "API key",
});

export const UpstreamTokenBody = z.object({ token: z.string().trim().regex(/^nmv_[A-Za-z0-9_\-.]{8,200}$/) });
