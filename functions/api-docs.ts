// The API described: the OpenAPI 3.1 document generated from the routes' own schemas, and a reference page made
// from that document on the server (no script, so it runs under the strict CSP).
import type { OpenAPIHono } from "@hono/zod-openapi";
import { html } from "hono/html";
import type { HtmlEscapedString } from "hono/utils/html";
import { z } from "zod";
import { ExportView } from "../core/api-views.ts";
import pkg from "../package.json";
import type { AppEnv } from "./context.ts";

type Doc = ReturnType<OpenAPIHono["getOpenAPI31Document"]>;
type Schema = Record<string, unknown>;

export const DOCUMENT = {
  openapi: "3.1.0",
  info: {
    title: "Reelsmith API",
    version: pkg.version,
    description:
      "Turn clips, photos or a script plus one sentence into a platform-ready MP4. Browsers authenticate with a " +
      "signed cookie; integrations send `Authorization: Bearer <api key>` from POST /api/keys. Every failure is " +
      "`{error: {code, message, hint, action?}}` in English or Chinese (`Accept-Language: zh` or `?lang=zh`). " +
      "JSON bodies may be at most 64 KB. Fair-use limits answer 429 with Retry-After where waiting helps.",
  },
  security: [{ apiKey: [] }, { cookie: [] }] as Array<Record<string, string[]>>,
};

/** Serves the document at /api/openapi.json and the reference page at /api/docs. */
export function mountDocs(app: OpenAPIHono<AppEnv>): void {
  app.openAPIRegistry.registerComponent("securitySchemes", "apiKey", { type: "http", scheme: "bearer" });
  app.openAPIRegistry.registerComponent("securitySchemes", "cookie", {
    type: "apiKey",
    in: "cookie",
    name: "__Host-rs_uid",
    description: "`rs_uid` over plain http (local development)",
  });
  for (const event of ["export.completed", "export.failed"] as const)
    app.openAPIRegistry.registerWebhook({
      method: "post",
      path: event,
      tags: ["Webhooks"],
      summary: `Sent to an export's callbackUrl when it ${event === "export.completed" ? "completes" : "fails"}`,
      description: WEBHOOK_NOTE,
      request: {
        headers: z.object({
          "x-reelsmith-signature": z
            .string()
            .describe("t=<ms>,v1=<hex HMAC-SHA256 of `t.body` under the key's webhookSecret>"),
          "x-reelsmith-event": z.literal(event),
          "x-reelsmith-delivery": z.string().describe("the delivery's id, the same on every attempt"),
        }),
        body: {
          content: {
            "application/json": {
              schema: z.object({
                id: z.string(),
                type: z.literal(event),
                createdAt: z.number().int(),
                data: z.object({ export: ExportView }),
              }),
            },
          },
        },
      },
      responses: {
        200: { description: "Any 2xx: delivered. Anything else, a redirect or no answer: tried again" },
      },
    });
  app.doc31("/api/openapi.json", DOCUMENT);
  app.get("/api/docs", (c) => c.html(page(app.getOpenAPI31Document(DOCUMENT), WORDS[c.get("lang")])));
  app.get("/api/docs.css", (c) => c.body(CSS, 200, { "Content-Type": "text/css; charset=utf-8" }));
}

const WEBHOOK_NOTE =
  "Signed with the webhook secret of the API key that started the export (an export needs a key to have a " +
  "callbackUrl). Verify `X-Reelsmith-Signature: t=<ms>,v1=<hex>` by computing HMAC-SHA256 over `<t>.<raw body>` " +
  "and comparing in constant time; reject old timestamps. Attempts follow at 30 s, 2.5 min, 12.5 min, 42.5 min, " +
  "1.7 h, 3.7 h, 7.7 h, 15.7 h and 23.7 h after the event, until one answers 2xx; the delivery log is " +
  "GET /api/webhooks/deliveries.";

const METHODS = ["get", "post", "put", "patch", "delete"] as const;

/** The page's own words (?lang=zh or Accept-Language); the operations' texts are the document's, in English. */
const WORDS = {
  en: {
    html: "en",
    document: "The machine-readable document:",
    webhooks: "Webhooks Reelsmith sends",
    webhooksNav: "Webhooks sent",
    schemas: "Schemas",
    open: "(no sign-in)",
    parameters: "Parameters",
    body: "Body",
    responses: "Responses",
    required: "required",
  },
  zh: {
    html: "zh-CN",
    document: "机器可读的接口文档：",
    webhooks: "Reelsmith 发出的 Webhook",
    webhooksNav: "发出的 Webhook",
    schemas: "数据结构",
    open: "（无需登录）",
    parameters: "参数",
    body: "请求体",
    responses: "响应",
    required: "必填",
  },
};
type Words = (typeof WORDS)["en"];

function page(doc: Doc, w: Words) {
  const ops = Object.entries(doc.paths ?? {}).flatMap(([path, item]) =>
    METHODS.flatMap((m) => {
      const op = (item as Record<string, Schema | undefined>)[m];
      return op ? [{ path, method: m, op }] : [];
    }),
  );
  const tags = [...new Set(ops.map((o) => ((o.op.tags as string[]) ?? ["Other"])[0]))];
  const schemas = Object.entries((doc.components?.schemas ?? {}) as Record<string, Schema>);
  return html`<!doctype html>
<html lang="${w.html}">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>${doc.info.title} ${doc.info.version}</title>
    <link rel="stylesheet" href="/api/docs.css" />
    <link rel="icon" href="data:," />
  </head>
  <body>
    <header>
      <h1>${doc.info.title} <small>${doc.info.version}</small></h1>
      <p>${doc.info.description}</p>
      <p>${w.document} <a href="/api/openapi.json">/api/openapi.json</a> (OpenAPI 3.1).</p>
      <nav>${tags.map((t) => html`<a href="#${slug(t)}">${t}</a> `)}<a href="#webhooks-sent">${w.webhooksNav}</a> <a href="#schemas">${w.schemas}</a></nav>
    </header>
    ${tags.map(
      (t) => html`<section id="${slug(t)}">
        <h2>${t}</h2>
        ${ops.filter((o) => ((o.op.tags as string[]) ?? ["Other"])[0] === t).map((o) => operation(o, w))}
      </section>`,
    )}
    <section id="webhooks-sent">
      <h2>${w.webhooks}</h2>
      ${Object.entries(doc.webhooks ?? {}).map(([event, item]) =>
        operation(
          { path: `callbackUrl ← ${event}`, method: "post", op: (item as Record<string, Schema>).post },
          w,
        ),
      )}
    </section>
    <section id="schemas">
      <h2>${w.schemas}</h2>
      ${schemas.map(([name, s]) => html`<article id="schema-${name}"><h3>${name}</h3>${schema(s)}</article>`)}
    </section>
  </body>
</html>`;
}

function operation({ path, method, op }: { path: string; method: string; op: Schema }, w: Words) {
  const params = (op.parameters as Schema[] | undefined) ?? [];
  const body = (op.requestBody as { content?: Record<string, { schema: Schema }> } | undefined)?.content;
  const responses = Object.entries((op.responses ?? {}) as Record<string, Schema>);
  const open = Array.isArray(op.security) && op.security.length === 0;
  return html`<article class="op">
    <h3><span class="method ${method}">${method.toUpperCase()}</span> <code>${path}</code></h3>
    <p>${op.summary}${open ? html` <em>${w.open}</em>` : ""}</p>
    ${op.description ? html`<p class="note">${op.description}</p>` : ""}
    ${
      params.length
        ? html`<h4>${w.parameters}</h4><ul>${params.map(
            (p) =>
              html`<li><code>${p.name}</code> <span class="in">${p.in}${p.required ? `, ${w.required}` : ""}</span>
                ${schema(p.schema as Schema)}</li>`,
          )}</ul>`
        : ""
    }
    ${body ? html`<h4>${w.body}</h4>${content(body)}` : ""}
    <h4>${w.responses}</h4>
    <ul>${responses.map(
      ([status, r]) =>
        html`<li><strong>${status}</strong> ${r.description}
          ${r.content ? content(r.content as Record<string, { schema: Schema }>) : ""}</li>`,
    )}</ul>
  </article>`;
}

function content(types: Record<string, { schema: Schema }>) {
  return html`${Object.entries(types).map(([type, { schema: s }]) => html`<div><code class="type">${type}</code> ${schema(s)}</div>`)}`;
}

/** A JSON Schema in words: a reference links to its section, an object lists its fields. */
function schema(s: Schema | undefined): HtmlEscapedString | Promise<HtmlEscapedString> | string {
  if (!s) return "";
  if (typeof s.$ref === "string") {
    const name = s.$ref.split("/").pop()!;
    return html`<a href="#schema-${name}">${name}</a>`;
  }
  const note = s.description ? html` <span class="note">— ${s.description}</span>` : "";
  if (s.properties) {
    const required = new Set((s.required as string[]) ?? []);
    return html`object${note}<ul>${Object.entries(s.properties as Record<string, Schema>).map(
      ([k, v]) =>
        html`<li><code>${k}</code>${required.has(k) ? "" : html`<span class="opt">?</span>`} ${schema(v)}</li>`,
    )}</ul>`;
  }
  for (const key of ["anyOf", "oneOf"] as const) {
    const options = s[key] as Schema[] | undefined;
    if (options) return html`one of${note}<ul>${options.map((o) => html`<li>${schema(o)}</li>`)}</ul>`;
  }
  if (s.type === "array") return html`array of ${schema(s.items as Schema)}${note}`;
  return html`<span class="t">${words(s)}</span>${note}`;
}

/** A scalar schema in one line: type, enum values, bounds, format. */
function words(s: Schema): string {
  const type = Array.isArray(s.type) ? s.type.join(" | ") : String(s.type ?? "any");
  const parts = [s.enum ? (s.enum as unknown[]).map((v) => JSON.stringify(v)).join(" | ") : type];
  if (s.const !== undefined) parts[0] = JSON.stringify(s.const);
  if (s.format) parts.push(String(s.format));
  for (const [k, label] of [
    ["minimum", "≥"],
    ["maximum", "≤"],
    ["minLength", "length ≥"],
    ["maxLength", "length ≤"],
  ] as const)
    if (s[k] !== undefined && Math.abs(Number(s[k])) < Number.MAX_SAFE_INTEGER)
      parts.push(`${label} ${s[k]}`);
  if (s.pattern) parts.push(`matching ${s.pattern}`);
  if (s.default !== undefined) parts.push(`default ${JSON.stringify(s.default)}`);
  return parts.join(", ");
}

const slug = (s: string) => s.toLowerCase().replace(/[^a-z0-9]+/g, "-");

const CSS = `
body { font: 15px/1.5 system-ui, sans-serif; margin: 0 auto; max-width: 60rem; padding: 1rem; color: #1d1d1f; }
header nav a { margin-right: .75rem; }
h2 { border-bottom: 1px solid #ddd; margin-top: 2.5rem; }
.op { border: 1px solid #e3e3e8; border-radius: 8px; padding: .25rem 1rem; margin: 1rem 0; }
.op h3 { font-size: 1rem; }
.method { display: inline-block; min-width: 4.2rem; text-align: center; border-radius: 4px; color: #fff; padding: 0 .4rem; }
.get { background: #2b6cb0; } .post { background: #2f855a; } .put, .patch { background: #b7791f; } .delete { background: #c53030; }
code { background: #f4f4f7; padding: 0 .25rem; border-radius: 3px; overflow-wrap: anywhere; }
.note, .in { color: #555; } .opt { color: #999; } .t { color: #6b46c1; }
ul { padding-left: 1.25rem; } small { color: #777; font-weight: normal; }
`;
