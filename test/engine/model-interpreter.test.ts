// The optional model interpreter against a fake chat-completions server: good answers, bad ones, slow and down servers.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { emptyDraft } from "../../core/draft.ts";
import type { Interpretation } from "../../core/edit-commands.ts";
import { planMessage, planTurn } from "../../engine/planner/index.ts";
import { createModelInterpreter, modelConfigFromEnv } from "../../engine/planner/model-interpreter.ts";
import { MEDIA, title } from "./phrases/fixtures.ts";

const KEY = "sk-test-0123456789-secret";
const GOOD: Interpretation = {
  clauses: [
    {
      text: "name it after the market",
      commands: [{ cmd: "create" }, { cmd: "title", text: "From The Model" }],
      outcome: "commands",
    },
  ],
  help: false,
  wantsScript: false,
};

type Answer = { status?: number; body?: unknown; delayMs?: number };
const toolCall = (args: string) => ({
  choices: [
    {
      finish_reason: "tool_calls",
      message: { tool_calls: [{ function: { name: "edit_video", arguments: args } }] },
    },
  ],
});

/** A chat-completions server that answers from a script of replies, one per request, and records what it was sent. */
class FakeModel {
  server!: Server;
  answers: Answer[] = [];
  requests: { auth?: string; body: any }[] = [];

  async start() {
    this.server = createServer(async (req: IncomingMessage, res) => {
      let raw = "";
      for await (const chunk of req) raw += chunk;
      this.requests.push({ auth: req.headers.authorization, body: JSON.parse(raw) });
      const answer = this.answers.shift() ?? { status: 500 };
      if (answer.delayMs) await new Promise((r) => setTimeout(r, answer.delayMs));
      if (res.destroyed) return;
      res.writeHead(answer.status ?? 200, { "Content-Type": "application/json" });
      res.end(JSON.stringify(answer.body ?? {}));
    });
    await new Promise<void>((r) => this.server.listen(0, "127.0.0.1", r));
    return `http://127.0.0.1:${(this.server.address() as AddressInfo).port}/v1`;
  }
}

describe("the model interpreter", () => {
  const fake = new FakeModel();
  let url = "";
  let logs: string[] = [];
  const input = {
    draft: emptyDraft(),
    instruction: "name it after the market",
    media: MEDIA.photos,
    history: [],
    future: [],
  };
  const rules = planTurn(input);
  const model = (timeoutMs = 1000) =>
    createModelInterpreter({ url, model: "test-model", key: KEY, timeoutMs }, (l) => logs.push(l));

  beforeAll(async () => {
    url = await fake.start();
  });
  afterAll(() => new Promise<void>((r) => fake.server.close(() => r())));
  beforeEach(() => {
    fake.answers = [];
    fake.requests = [];
    logs = [];
  });

  it("asks with the command schema as a forced tool, sends the key only as a bearer token, and uses the answer", async () => {
    fake.answers = [{ body: toolCall(JSON.stringify(GOOD)) }];
    const r = await planMessage(input, model());
    expect(title(r.draft).tx).toBe("From The Model");
    const [req] = fake.requests;
    expect(req.auth).toBe(`Bearer ${KEY}`);
    expect(req.body.model).toBe("test-model");
    expect(req.body.tool_choice).toEqual({ type: "function", function: { name: "edit_video" } });
    expect(req.body.tools[0].function.parameters.properties.clauses).toBeDefined();
    expect(JSON.parse(req.body.messages[1].content)).toMatchObject({
      message: input.instruction,
      video: { media: expect.arrayContaining([{ name: "beach-sunset.jpg", kind: "image" }]) },
    });
    expect(logs).toEqual([]);
  });

  it("takes JSON answered as plain content, as some local servers do", async () => {
    fake.answers = [
      { body: { choices: [{ message: { content: `\`\`\`json\n${JSON.stringify(GOOD)}\n\`\`\`` } }] } },
    ];
    expect(title((await planMessage(input, model())).draft).tx).toBe("From The Model");
  });

  it("retries once with the error when the answer is not JSON, then uses the second answer", async () => {
    fake.answers = [{ body: toolCall("{not json") }, { body: toolCall(JSON.stringify(GOOD)) }];
    const r = await planMessage(input, model());
    expect(title(r.draft).tx).toBe("From The Model");
    expect(fake.requests).toHaveLength(2);
    expect(fake.requests[1].body.messages.at(-1).content).toContain("invalid JSON");
  });

  it("falls back to the rules after two answers of the wrong shape", async () => {
    const wrong = toolCall(
      JSON.stringify({ clauses: [{ text: "x", commands: [{ cmd: "explode" }], outcome: "commands" }] }),
    );
    fake.answers = [{ body: wrong }, { body: wrong }];
    const r = await planMessage(input, model());
    expect(r.reply).toBe(rules.reply);
    expect(r.draft).toEqual(rules.draft);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/wrong shape.*using the built-in interpreter/);
  });

  it("falls back at once when the model refuses", async () => {
    fake.answers = [{ body: { choices: [{ message: { refusal: "I can't help with that." } }] } }];
    expect((await planMessage(input, model())).reply).toBe(rules.reply);
    expect(fake.requests).toHaveLength(1);
    expect(logs[0]).toMatch(/refused/);
  });

  it("falls back when the model is slower than its time limit", async () => {
    fake.answers = [{ body: toolCall(JSON.stringify(GOOD)), delayMs: 600 }];
    const t0 = Date.now();
    const r = await planMessage(input, model(200));
    expect(r.reply).toBe(rules.reply);
    expect(Date.now() - t0).toBeLessThan(600);
    expect(logs[0]).toMatch(/no answer within 200 ms/);
  });

  it("falls back when the server is down, and never logs or replies with the key", async () => {
    const down = createModelInterpreter(
      { url: "http://127.0.0.1:9/v1", model: "m", key: KEY, timeoutMs: 1000 },
      (l) => logs.push(l),
    );
    fake.answers = [{ status: 503 }, { status: 503 }];
    const results = [await planMessage(input, down), await planMessage(input, model())];
    for (const r of results) {
      expect(r.reply).toBe(rules.reply);
      expect(JSON.stringify(r)).not.toContain(KEY);
    }
    expect(logs.join("\n")).toMatch(/unreachable[\s\S]*HTTP 503/);
    expect(logs.join("\n")).not.toContain(KEY);
  });

  it("is configured from PLANNER_LLM_URL, PLANNER_LLM_MODEL, PLANNER_LLM_KEY and PLANNER_LLM_TIMEOUT_MS", () => {
    expect(modelConfigFromEnv({})).toBeUndefined();
    expect(
      modelConfigFromEnv({
        PLANNER_LLM_URL: "http://127.0.0.1:11434/v1",
        PLANNER_LLM_MODEL: "qwen2.5",
        PLANNER_LLM_TIMEOUT_MS: "5000",
      }),
    ).toEqual({ url: "http://127.0.0.1:11434/v1", model: "qwen2.5", timeoutMs: 5000 });
  });
});
