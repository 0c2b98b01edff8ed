// An optional model interpreter: any OpenAI-compatible chat-completions server reads the message into the same commands.
import { z } from "zod";
import { Interpretation } from "../../core/edit-commands.ts";
import { PRESETS } from "../../core/presets.ts";

export interface ModelConfig {
  /** the server's base URL (…/v1) or its chat-completions endpoint */
  url: string;
  model: string;
  /** sent as a bearer token; never logged or echoed */
  key?: string;
  /** per request; the user is waiting */
  timeoutMs: number;
}

/** What the model sees of the video besides the message, so "the beach photo" or "make it shorter" make sense. */
export interface ModelContext {
  preset?: string;
  media: { name: string; kind: string }[];
  /** the timeline in one line, as the gateway shows it */
  timeline: string;
}

export type Log = (line: string) => void;

const TOOL = "edit_video";
const PARAMETERS = z.toJSONSchema(Interpretation, { unrepresentable: "any" });
const SYSTEM = [
  "You turn a short-video creator's message into edit commands for Reelsmith, by calling edit_video exactly once.",
  "Split the message into clauses as the user wrote them. For each clause give the commands that carry it out, or",
  'outcome "unsupported" (with the feature, in English and Chinese, and what Reelsmith can do instead) when Reelsmith',
  'cannot do it (voice-over, filters, speed changes, background removal, stickers, new AI footage…), "unclear" when it',
  'makes no sense, or "chat" for thanks and greetings. Never invent edits the user did not ask for.',
  "Titles and captions keep the user's words exactly. Shots are counted from 1; -1 is the last.",
  `Platform presets: ${PRESETS.map((p) => p.id).join(", ")}.`,
].join(" ");

function endpoint(url: string): string {
  const base = url.replace(/\/+$/, "");
  return base.endsWith("/chat/completions") ? base : `${base}/chat/completions`;
}

const Reply = z.object({
  choices: z
    .array(
      z.object({
        finish_reason: z.string().nullish(),
        message: z.object({
          content: z.string().nullish(),
          refusal: z.string().nullish(),
          tool_calls: z
            .array(z.object({ function: z.object({ name: z.string().optional(), arguments: z.string() }) }))
            .nullish(),
        }),
      }),
    )
    .min(1),
});

type Attempt = { ok: true; value: Interpretation } | { ok: false; retry: boolean; why: string; raw?: string };

/** The model's answer as an interpretation, or why not. Arguments may arrive as a tool call or as JSON content. */
function readAnswer(body: unknown): Attempt {
  const reply = Reply.safeParse(body);
  if (!reply.success) return { ok: false, retry: true, why: "not a chat-completions answer" };
  const { message, finish_reason } = reply.data.choices[0];
  if (message.refusal || finish_reason === "content_filter")
    return { ok: false, retry: false, why: "refused" };
  const raw = message.tool_calls?.[0]?.function.arguments ?? message.content ?? "";
  const json = raw.replace(/^```(?:json)?\s*|\s*```$/g, "");
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    return { ok: false, retry: true, why: "invalid JSON", raw };
  }
  const result = Interpretation.safeParse(parsed);
  return result.success
    ? { ok: true, value: result.data }
    : {
        ok: false,
        retry: true,
        why: `wrong shape: ${z
          .prettifyError(result.error)
          .replace(/\s*\n\s*/g, " ")
          .slice(0, 300)}`,
        raw,
      };
}

async function ask(config: ModelConfig, messages: unknown[]): Promise<Attempt> {
  let res: Response;
  try {
    res = await fetch(endpoint(config.url), {
      method: "POST",
      headers: {
        "Content-Type": "application/json",
        ...(config.key && { Authorization: `Bearer ${config.key}` }),
      },
      body: JSON.stringify({
        model: config.model,
        temperature: 0,
        messages,
        tools: [
          {
            type: "function",
            function: { name: TOOL, description: "Apply the creator's request", parameters: PARAMETERS },
          },
        ],
        tool_choice: { type: "function", function: { name: TOOL } },
      }),
      signal: AbortSignal.timeout(config.timeoutMs),
    });
  } catch (err) {
    const timeout = err instanceof Error && err.name === "TimeoutError";
    return {
      ok: false,
      retry: false,
      why: timeout ? `no answer within ${config.timeoutMs} ms` : "server unreachable",
    };
  }
  if (!res.ok) {
    await res.body?.cancel();
    return { ok: false, retry: res.status >= 500, why: `HTTP ${res.status}` };
  }
  const body = await res.json().catch(() => null);
  return readAnswer(body);
}

/**
 * Asks the model once, and once more with the validation error when its answer does not fit the command schema;
 * null (use the rules) on timeout, refusal, an unreachable server or a second bad answer.
 */
export function createModelInterpreter(config: ModelConfig, log: Log) {
  return async (message: string, context: ModelContext): Promise<Interpretation | null> => {
    const messages: unknown[] = [
      { role: "system", content: SYSTEM },
      { role: "user", content: JSON.stringify({ message, video: context }) },
    ];
    const first = await ask(config, messages);
    if (first.ok) return first.value;
    let why = first.why;
    if (first.retry) {
      const fix = [
        ...messages,
        ...(first.raw ? [{ role: "assistant", content: first.raw }] : []),
        {
          role: "user",
          content: `That answer was not usable (${first.why}). Call ${TOOL} again with arguments that match its schema.`,
        },
      ];
      const second = await ask(config, fix);
      if (second.ok) return second.value;
      why = `${first.why}; then ${second.why}`;
    }
    log(`planner model: ${why}; using the built-in interpreter`);
    return null;
  };
}

export type ModelInterpreter = ReturnType<typeof createModelInterpreter>;

/** PLANNER_LLM_URL (+ PLANNER_LLM_MODEL, PLANNER_LLM_KEY, PLANNER_LLM_TIMEOUT_MS) turns the model interpreter on. */
export function modelConfigFromEnv(env: Record<string, string | undefined>): ModelConfig | undefined {
  if (!env.PLANNER_LLM_URL) return undefined;
  return {
    url: env.PLANNER_LLM_URL,
    model: env.PLANNER_LLM_MODEL ?? "llama3.1",
    ...(env.PLANNER_LLM_KEY && { key: env.PLANNER_LLM_KEY }),
    timeoutMs: Number(env.PLANNER_LLM_TIMEOUT_MS ?? 8000),
  };
}
