// The served OpenAPI document against the live API: every operation in it is called (and every one called is in
// it), and each answer's status, media type and body must be what the document declares for it.
import { SELF } from "cloudflare:test";
import { Validator } from "@cfworker/json-schema";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { type Client, fake, finished, keyUser, newUser, ORIGIN, readSse, readyProject } from "./helpers.ts";
import { jpegBytes, lastUploadUrl, mp4Bytes, serveRemote } from "./upload-helpers.ts";

type Schema = Record<string, unknown>;
type Operation = { responses: Record<string, { content?: Record<string, { schema: Schema }> }> };

let doc: {
  paths: Record<string, Record<string, Operation>>;
  components: { schemas: Record<string, Schema> };
};
const seen = new Set<string>();

/** The document's schema for `schema`, with the components its $refs point into. */
const validatorFor = (schema: Schema) =>
  new Validator({ ...schema, components: doc.components } as never, "2020-12", false);

function declared(op: Operation, status: number) {
  return op.responses[String(status)] ?? op.responses[`${String(status)[0]}XX`];
}

const typeMatches = (declaredType: string, actual: string) =>
  declaredType === actual ||
  declaredType === "*/*" ||
  (declaredType.endsWith("/*") && actual.startsWith(declaredType.slice(0, -1)));

/** Checks one live answer against the document; answers its body (parsed JSON or SSE events). */
async function check(method: string, path: string, res: Response): Promise<any> {
  const op = doc.paths[path]?.[method];
  expect(op, `${method.toUpperCase()} ${path} is in the document`).toBeDefined();
  seen.add(`${method} ${path}`);
  const entry = declared(op, res.status);
  expect(entry, `${method.toUpperCase()} ${path} declares ${res.status}`).toBeDefined();
  if (res.status === 204) return null;
  const type = (res.headers.get("Content-Type") ?? "").split(";")[0].trim();
  const content = Object.entries(entry.content ?? {}).find(([t]) => typeMatches(t, type));
  expect(content, `${method.toUpperCase()} ${path} ${res.status} declares ${type}`).toBeDefined();
  const [declaredType, { schema }] = content!;
  if (declaredType === "text/event-stream") {
    const { events } = await readSse(res);
    const event = validatorFor(schema);
    for (const e of events) expectValid(event, e.data, `${path} event ${e.event}`);
    return events;
  }
  if (declaredType !== "application/json") {
    await res.body?.cancel();
    return null;
  }
  const body = await res.json();
  expectValid(validatorFor(schema), body, `${method.toUpperCase()} ${path} ${res.status}`);
  return body;
}

function expectValid(v: Validator, value: unknown, what: string) {
  const result = v.validate(value);
  const problems = result.errors.map((e) => `${e.instanceLocation}: ${e.error}`).slice(0, 5);
  expect(problems, `${what}: ${JSON.stringify(value).slice(0, 300)}`).toEqual([]);
}

/** Sends a request as `user` and checks its answer against the operation of `path` (the document's spelling). */
async function call(
  user: Client,
  method: string,
  path: string,
  params: Record<string, string>,
  init: RequestInit = {},
) {
  const url = path.replace(/\{(\w+)\}/g, (_, k) => encodeURIComponent(params[k]));
  const query = params.query ? `?${params.query}` : "";
  return check(method, path, await user(`${url}${query}`, { ...init, method: method.toUpperCase() }));
}

const json = (body: unknown): RequestInit => ({
  body: JSON.stringify(body),
  headers: { "Content-Type": "application/json", Accept: "application/json" },
});

beforeAll(async () => {
  doc = (await (await SELF.fetch(`${ORIGIN}/api/openapi.json`)).json()) as typeof doc;
});
afterAll(() => vi.restoreAllMocks());

describe("the OpenAPI document and the live API", () => {
  it("is OpenAPI 3.1 with the error shape, the chat events and the webhooks described", () => {
    expect(doc).toMatchObject({ openapi: "3.1.0", info: { title: "Reelsmith API" } });
    for (const name of [
      "Error",
      "ErrorInfo",
      "Export",
      "Upload",
      "Project",
      "ChatStreamEvent",
      "WebhookDelivery",
    ])
      expect(doc.components.schemas[name], name).toBeDefined();
    expect(Object.keys((doc as any).webhooks)).toEqual(["export.completed", "export.failed"]);
  });

  it("answers every operation as the document declares, successes and refusals alike", async () => {
    await fake.reset();
    await fake.config({ renderMs: 50 });
    await fake.renderPlan({ cover: true });
    serveRemote({
      "https://hooks.example.com/contract": () => new Response(null, { status: 204 }),
      "https://media.example.com/photo.jpg": () =>
        new Response(jpegBytes(4000), { headers: { "Content-Length": "4000" } }),
    });
    const { client, owner } = await keyUser();
    const stranger = newUser();
    const p = await readyProject(client);
    const id = { id: p.id };

    // public
    await call(stranger, "get", "/api/presets", {});
    await call(stranger, "get", "/api/presets/{id}", { id: "douyin" });
    await call(stranger, "get", "/api/presets/{id}", { id: "myspace" });

    // account
    await call(client, "get", "/api/me", {});
    await call(client, "get", "/api/credits", {});
    await call(stranger, "get", "/api/credits", {});
    await call(stranger, "put", "/api/me/upstream-token", {}, json({ token: "nmv_usr_doesnotexist" }));
    await call(stranger, "put", "/api/me/upstream-token", {}, json({ token: 42 }));
    const minted = await call(owner, "post", "/api/keys", {}, json({ label: "throwaway" }));
    await call(owner, "get", "/api/keys", {});
    await call(owner, "delete", "/api/keys/{id}", { id: minted.id });
    await call(owner, "delete", "/api/keys/{id}", { id: minted.id });

    // projects
    const other = await call(
      client,
      "post",
      "/api/projects",
      {},
      json({ preset: "bilibili", title: "Throwaway" }),
    );
    await call(client, "post", "/api/projects", {}, json({ preset: "myspace" }));
    await call(client, "get", "/api/projects", { query: "limit=1" });
    await call(client, "get", "/api/projects", { query: "cursor=bent" });
    await call(client, "get", "/api/projects/{id}", id);
    await call(stranger, "get", "/api/projects/{id}", id);
    await call(client, "patch", "/api/projects/{id}", { id: other.id }, json({ title: "Renamed" }));
    await call(client, "delete", "/api/projects/{id}", { id: other.id });

    // chat, both ways
    await call(
      client,
      "post",
      "/api/projects/{id}/messages",
      id,
      json({ text: "how many credits do I have?" }),
    );
    await call(client, "post", "/api/projects/{id}/messages", id, {
      ...json({ text: "[scenario:silent-edit] add a clip" }),
      headers: { "Content-Type": "application/json", Accept: "text/event-stream" },
    });
    await call(client, "post", "/api/projects/{id}/messages", id, json({ text: "" }));
    await call(client, "get", "/api/projects/{id}/messages/live", id);

    // uploads and imports
    const data = mp4Bytes(5000);
    const plan = await call(
      client,
      "post",
      "/api/projects/{id}/uploads",
      id,
      json({ name: "clip.mp4", size: data.length, type: "video/mp4" }),
    );
    await call(client, "put", "/api/uploads/{id}/parts/{n}", { id: plan.id, n: "1" }, { body: data });
    await call(client, "put", "/api/uploads/{id}/parts/{n}", { id: plan.id, n: "9" }, { body: data });
    await call(client, "get", "/api/uploads/{id}", { id: plan.id });
    await call(client, "post", "/api/uploads/{id}/complete", { id: plan.id });
    await call(client, "post", "/api/projects/{id}/uploads", id, json({ name: "setup.exe", size: 10 }));
    const imported = await call(
      client,
      "post",
      "/api/projects/{id}/imports",
      id,
      json({ url: "https://media.example.com/photo.jpg" }),
    );
    await call(client, "post", "/api/projects/{id}/imports", id, json({ url: "https://10.0.0.1/a.jpg" }));
    await call(client, "delete", "/api/uploads/{id}", { id: imported.id });
    await call(client, "get", "/api/uploads/{id}", { id: imported.id });
    const media = lastUploadUrl((await fake.inspect()).requests).replace(/^https:\/\/reelsmith\.test/, "");
    const [mediaPath, mediaQuery] = media.split("?");
    const [, , , owner_, file] = mediaPath.split("/");
    await call(stranger, "get", "/api/media/{owner}/{file}", { owner: owner_, file, query: mediaQuery });
    await call(stranger, "get", "/api/media/{owner}/{file}", { owner: owner_, file, query: "exp=1&sig=00" });

    // exports, files, sharing, webhooks
    const started = await call(
      client,
      "post",
      "/api/projects/{id}/exports",
      id,
      json({ callbackUrl: "https://hooks.example.com/contract" }),
    );
    await finished(client, started.id);
    const exp = { id: started.id };
    await call(client, "get", "/api/exports/{id}", exp);
    await call(client, "get", "/api/exports/{id}/download", exp);
    await call(client, "get", "/api/exports/{id}/download", exp, { headers: { Range: "bytes=0-99" } });
    await call(client, "get", "/api/exports/{id}/download", exp, { headers: { Range: "bytes=999999999-" } });
    await call(client, "get", "/api/exports/{id}/cover", exp);
    await call(stranger, "get", "/api/exports/{id}", exp);
    const link = await call(client, "post", "/api/exports/{id}/share", exp);
    const token = { token: link.url.split("/s/")[1] };
    await call(stranger, "get", "/s/{token}/info", token);
    await call(stranger, "get", "/s/{token}/video", token);
    await call(stranger, "get", "/s/{token}/cover", token);
    await call(stranger, "get", "/s/{token}/info", { token: "nope" });
    await call(client, "get", "/api/webhooks/deliveries", {});
    await call(client, "get", "/api/webhooks/deliveries", { query: `exportId=${started.id}` });
    await call(stranger, "post", "/api/projects/{id}/exports", { id: "prj_missing" }, json({}));

    const documented = Object.entries(doc.paths).flatMap(([path, ops]) =>
      Object.keys(ops).map((m) => `${m} ${path}`),
    );
    expect([...seen].sort()).toEqual(documented.sort());
  });
});
