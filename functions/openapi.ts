// The public API described as OpenAPI 3.1, served at /api/openapi.json.

import { PRESETS } from "../core/presets.ts";
import pkg from "../package.json";

const json = (schema: object) => ({ content: { "application/json": { schema } } });
const error = { description: "Error", ...json({ $ref: "#/components/schemas/Error" }) };
const ok = (description: string, schema: object = { type: "object" }) => ({ description, ...json(schema) });
const idParam = (name = "id") => ({ name, in: "path", required: true, schema: { type: "string" } });

const upload = () => ok("Upload", { $ref: "#/components/schemas/Upload" });

function op(summary: string, responses: Record<string, unknown>, extra: Record<string, unknown> = {}) {
  return { summary, responses: { ...responses, "4XX": error, "5XX": error }, ...extra };
}

export const openapi = {
  openapi: "3.1.0",
  info: {
    title: "Reelsmith API",
    version: pkg.version,
    description:
      "Turn clips, photos or a script plus one sentence into a platform-ready MP4. Browsers authenticate with a " +
      "signed cookie; integrations send `Authorization: Bearer <api key>` from POST /api/keys.",
  },
  components: {
    securitySchemes: {
      apiKey: { type: "http", scheme: "bearer" },
      cookie: { type: "apiKey", in: "cookie", name: "rs_uid" },
    },
    schemas: {
      Error: {
        type: "object",
        required: ["error"],
        properties: {
          error: {
            type: "object",
            required: ["code", "message", "hint"],
            properties: {
              code: { type: "string" },
              message: { type: "string" },
              hint: { type: "string" },
              action: { type: "object", properties: { kind: { type: "string" }, url: { type: "string" } } },
            },
          },
        },
      },
      Upload: {
        type: "object",
        properties: {
          id: { type: "string" },
          projectId: { type: "string" },
          name: { type: "string", description: "display text only; storage keys are ids" },
          size: { type: "integer" },
          state: { enum: ["uploading", "stored", "sent", "ready", "failed"] },
          source: { enum: ["upload", "url"] },
          partSize: { type: "integer" },
          partCount: { type: "integer" },
          parts: {
            type: "array",
            items: { type: "integer" },
            description: "parts already stored, for resuming",
          },
          type: {
            type: "object",
            properties: { ext: { type: "string" }, kind: { enum: ["video", "image", "audio"] } },
          },
          media: { type: "object", description: "what the upstream measured: duration, width, height, fps" },
          error: { type: "object", properties: { code: { type: "string" }, message: { type: "object" } } },
        },
      },
      Export: {
        type: "object",
        properties: {
          id: { type: "string" },
          status: { enum: ["pending", "processing", "completed", "failed"] },
          progress: { type: "integer", minimum: 0, maximum: 100 },
          downloadUrl: { type: "string" },
          coverUrl: { type: "string", description: "the poster image, when the upstream made one" },
          duration: { type: "number", description: "seconds" },
          size: { type: "integer" },
          outdated: {
            type: "boolean",
            description:
              "made from an older draft than the project's current one: export again for the edits",
          },
          createdAt: { type: "integer" },
          completedAt: { type: "integer" },
          error: { type: "string", description: "the upstream's words" },
          errorCode: { type: "string", description: "catalogue code of the failure" },
        },
      },
    },
  },
  security: [{ apiKey: [] }, { cookie: [] }],
  paths: {
    "/api/me": { get: op("The caller's identity", { "200": ok("Identity") }) },
    "/api/me/upstream-token": {
      put: op(
        "Use your own NemoVideo token (stored server-side, never returned)",
        { "200": ok("Stored") },
        {
          requestBody: json({
            type: "object",
            required: ["token"],
            properties: { token: { type: "string" } },
          }),
        },
      ),
    },
    "/api/credits": { get: op("Upstream credit balance", { "200": ok("Credits") }) },
    "/api/keys": {
      get: op("List API keys", { "200": ok("Keys") }),
      post: op(
        "Mint an API key (shown once)",
        { "201": ok("Key") },
        {
          requestBody: json({ type: "object", properties: { label: { type: "string" } } }),
        },
      ),
    },
    "/api/keys/{id}": {
      delete: op("Revoke an API key", { "200": ok("Revoked") }, { parameters: [idParam()] }),
    },
    "/api/presets": {
      get: op("Platform presets, each with `uploadLimit` {bytes, by: engine | nemovideo}", {
        "200": ok("Presets"),
      }),
    },
    "/api/presets/{id}": {
      get: op(
        "One preset",
        { "200": ok("Preset") },
        {
          parameters: [{ ...idParam(), schema: { enum: PRESETS.map((p) => p.id) } }],
        },
      ),
    },
    "/api/projects": {
      get: op("List projects, last changed first, each with its latest export's `coverUrl`", {
        "200": ok("Projects"),
      }),
      post: op(
        "Create a project",
        { "201": ok("Project") },
        {
          requestBody: json({
            type: "object",
            required: ["preset"],
            properties: {
              preset: { enum: PRESETS.map((p) => p.id) },
              title: { type: "string", maxLength: 120 },
              language: { enum: ["en", "zh"] },
            },
          }),
        },
      ),
    },
    "/api/projects/{id}": {
      get: op(
        "A project with draft, `timeline` (lanes), `summary` (the same in words), ready flag, transcript, uploads and exports",
        { "200": ok("Project") },
        {
          parameters: [idParam()],
        },
      ),
      patch: op(
        "Rename a project",
        { "200": ok("Project") },
        {
          parameters: [idParam()],
          requestBody: json({
            type: "object",
            required: ["title"],
            properties: { title: { type: "string", maxLength: 120 } },
          }),
        },
      ),
      delete: op("Delete a project and its files", { "200": ok("Deleted") }, { parameters: [idParam()] }),
    },
    "/api/projects/{id}/messages": {
      post: op(
        "Send a chat message. `Accept: text/event-stream` streams status, text, notice, state, action, error and done events; `Accept: application/json` answers once. What Reelsmith itself says carries `say` (status, notice, its own text) and `timeline` / `diff` (state) as data, beside the words in the request's language.",
        { "200": ok("Answer"), "409": error },
        {
          parameters: [idParam()],
          requestBody: json({
            type: "object",
            required: ["text"],
            properties: { text: { type: "string", maxLength: 4000 } },
          }),
        },
      ),
    },
    "/api/projects/{id}/messages/live": {
      get: op(
        "Follow the turn running in the project from its start (same events as sending); 204 when none runs",
        { "200": ok("Answer"), "204": { description: "No turn is running" } },
        { parameters: [idParam()] },
      ),
    },
    "/api/projects/{id}/uploads": {
      post: op(
        "Plan an upload: checks name, type and size first; answers the fixed part size",
        { "201": ok("Plan") },
        {
          parameters: [idParam()],
          requestBody: json({
            type: "object",
            required: ["name", "size"],
            properties: {
              name: { type: "string" },
              size: { type: "integer", minimum: 1 },
              type: { type: "string" },
            },
          }),
        },
      ),
    },
    "/api/projects/{id}/imports": {
      post: op(
        "Import a public https file (fetched into storage, then handed to the editor)",
        { "201": upload() },
        {
          parameters: [idParam()],
          requestBody: json({
            type: "object",
            required: ["url"],
            properties: { url: { type: "string", format: "uri" } },
          }),
        },
      ),
    },
    "/api/uploads/{id}": {
      get: op("An upload and the parts already stored", { "200": upload() }, { parameters: [idParam()] }),
      delete: op(
        "Cancel or delete an upload, freeing its storage",
        { "200": ok("Deleted") },
        { parameters: [idParam()] },
      ),
    },
    "/api/uploads/{id}/parts/{n}": {
      put: op(
        "Send part n (1-based) as the raw body with Content-Length; re-sending replaces it",
        { "200": upload() },
        {
          parameters: [idParam(), { ...idParam("n"), schema: { type: "integer", minimum: 1 } }],
          requestBody: {
            content: { "application/octet-stream": { schema: { type: "string", format: "binary" } } },
          },
        },
      ),
    },
    "/api/uploads/{id}/complete": {
      post: op(
        "Assemble the parts and hand the file to the editor",
        { "200": upload() },
        { parameters: [idParam()] },
      ),
    },
    "/api/media/{user}/{file}": {
      get: op(
        "A signed, short-lived media link (no cookie; Range supported)",
        { "200": { description: "Media" } },
        {
          security: [],
          parameters: [
            idParam("user"),
            idParam("file"),
            { name: "exp", in: "query", required: true, schema: { type: "integer" } },
            { name: "sig", in: "query", required: true, schema: { type: "string" } },
          ],
        },
      ),
    },
    "/api/projects/{id}/exports": {
      post: op(
        "Start an export (Idempotency-Key honoured)",
        { "202": ok("Export", { $ref: "#/components/schemas/Export" }) },
        {
          parameters: [idParam(), { name: "Idempotency-Key", in: "header", schema: { type: "string" } }],
          requestBody: json({
            type: "object",
            properties: { callbackUrl: { type: "string", format: "uri" } },
          }),
        },
      ),
    },
    "/api/exports/{id}": {
      get: op(
        "Export progress",
        { "200": ok("Export", { $ref: "#/components/schemas/Export" }) },
        { parameters: [idParam()] },
      ),
    },
    "/api/exports/{id}/download": {
      get: op(
        "Download the finished MP4 (Range supported), named after the project",
        { "200": { description: "MP4" }, "206": { description: "Part" } },
        {
          parameters: [idParam()],
        },
      ),
    },
    "/api/exports/{id}/cover": {
      get: op("The export's poster image", { "200": { description: "Image" } }, { parameters: [idParam()] }),
    },
    "/api/exports/{id}/share": {
      post: op(
        "A public link to this one export, valid for 30 days: /s/<token> (page), /info, /video, /cover",
        {
          "201": ok("Share link", {
            type: "object",
            properties: { url: { type: "string" }, expiresAt: { type: "integer" } },
          }),
        },
        { parameters: [idParam()] },
      ),
    },
  },
};
