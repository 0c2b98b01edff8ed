// Chat: the intent router answers export/credits/status/upload directly; everything else streams from the agent.

import type { Context } from "hono";
import { Hono } from "hono";
import { MessageBody } from "../../core/api.ts";
import { entryFor, isErrorCode } from "../../core/errors.ts";
import { routeIntent } from "../../core/intent.ts";
import { unwrap } from "../../core/outcome.ts";
import { aggregate, type PublicEvent, readEvents, sseResponse } from "../chat-stream.ts";
import type { AppEnv, Lang } from "../context.ts";
import { parseBody } from "../errors.ts";

const DIRECT = {
  exportStarted: {
    en: "Export started. I'll keep rendering even if you close this page.",
    zh: "已开始导出。即使关闭页面，渲染也会继续。",
  },
  credits: {
    en: (a: number, f: number) =>
      `You have ${a} credits available${f ? ` (${f} held by running work)` : ""}.`,
    zh: (a: number, f: number) => `你还有 ${a} 积分可用${f ? `（${f} 积分被进行中的任务占用）` : ""}。`,
  },
  upload: {
    en: "Drop photos, clips or music into the upload area (or use the API's uploads endpoint). Large files go up in parts and resume after a dropped connection.",
    zh: "把照片、视频片段或音乐拖到上传区域（或使用 API 的上传接口）。大文件会分片上传，断网后可以续传。",
  },
};

export const messages = new Hono<AppEnv>().post("/:id/messages", async (c) => {
  const { text } = await parseBody(c, MessageBody);
  const lang = c.get("lang");
  const projectId = c.req.param("id");
  const wantsSse = (c.req.header("Accept") ?? "").includes("text/event-stream");
  const intent = routeIntent(text).kind;

  const events: AsyncIterable<PublicEvent> =
    intent === "agent"
      ? await agentEvents(c, projectId, text)
      : await directEvents(c, intent, projectId, text, lang);

  if (wantsSse) return sseResponse(events, Number(c.env.SSE_PING_MS) || 15_000, lang);
  const answer = await aggregate(events);
  const status =
    answer.error && isErrorCode(answer.error.code) ? entryFor(answer.error.code).httpStatus : 200;
  return c.json({ intent, ...answer }, status as 200);
});

async function agentEvents(c: Context<AppEnv>, projectId: string, text: string) {
  const lang = c.get("lang");
  const stream = unwrap(
    await c.get("user").sendMessage(projectId, { text, platform: c.get("platform"), lang }),
  );
  return readEvents(stream);
}

/** Answers a routed intent without the agent; failures surface as the usual JSON error before anything streams. */
async function directEvents(
  c: Context<AppEnv>,
  intent: "export" | "credits" | "status" | "upload",
  projectId: string,
  text: string,
  lang: Lang,
): Promise<AsyncIterable<PublicEvent>> {
  const user = c.get("user");
  const platform = c.get("platform");
  const out: PublicEvent[] = [];
  if (intent === "export") {
    const exp = unwrap(await user.createExport(projectId, {}, platform));
    out.push(
      { type: "action", action: "export" },
      { type: "export", id: exp.id, status: exp.status, progress: exp.progress },
    );
    out.push({ type: "text", text: DIRECT.exportStarted[lang] });
  } else if (intent === "credits") {
    const cr = unwrap(await user.credits(platform));
    out.push(
      { type: "action", action: "show-credits" },
      { type: "text", text: DIRECT.credits[lang](cr.available, cr.frozen) },
    );
  } else if (intent === "status") {
    const p = unwrap(await user.getProject(projectId, platform));
    out.push({ type: "action", action: "show-timeline" }, { type: "state", summary: p.summary, changes: [] });
    out.push({ type: "text", text: p.summary });
  } else {
    out.push({ type: "action", action: "upload" }, { type: "text", text: DIRECT.upload[lang] });
  }
  const reply = out.flatMap((e) => (e.type === "text" ? [e.text] : [])).join("\n");
  unwrap(await user.recordExchange(projectId, text, reply));
  out.push({ type: "done" });
  return (async function* () {
    yield* out;
  })();
}
