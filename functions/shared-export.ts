// A shared export `/s/:token`: the page (with the export's poster as og:image), its facts, video and poster.
// The token alone opens it: no cookie, nothing of the owner but this one video and its project's title.
import { type Context, Hono } from "hono";
import { openShare } from "../core/export-share.ts";
import { unwrap } from "../core/outcome.ts";
import type { AppEnv } from "./context.ts";
import { fail } from "./errors.ts";
import { dressPage } from "./page-meta.ts";
import { serveObject } from "./r2-response.ts";
import { presetCard } from "./share.ts";

/** The export a token names, read from its owner's object; null when the token or the export is gone. */
async function sharedFiles(c: Context<AppEnv>) {
  const share = await openShare(c.req.param("token") ?? "", c.env.SECRET);
  if (typeof share === "string") return null;
  const owner = c.env.USER_DO.get(c.env.USER_DO.idFromName(share.userId));
  const files = await owner.exportFiles(share.exportId);
  return files.ok ? { ...unwrap(files), expiresAt: share.exp * 1000 } : null;
}

export const sharedExport = new Hono<AppEnv>()
  .get("/:token", async (c) => {
    const files = await sharedFiles(c);
    const index = await c.env.ASSETS.fetch(new URL("/index.html", c.req.url));
    const lang = c.get("lang");
    const origin = new URL(c.req.url).origin;
    const base = `${origin}/s/${c.req.param("token")}`;
    if (!files) return new Response(index.body, { status: 404, headers: index.headers });
    return dressPage(index, {
      lang,
      title: files.title,
      description: lang === "zh" ? "用 Reelsmith 制作的视频" : "A video made with Reelsmith",
      url: c.req.url,
      image: files.cover ? `${base}/cover` : presetCard(origin, files.preset, lang),
      type: "video.other",
      extra: [
        ["og:video", `${base}/video`],
        ["og:video:type", "video/mp4"],
      ],
    });
  })
  .get("/:token/info", async (c) => {
    const files = await sharedFiles(c);
    if (!files) return fail(c, "not_found");
    const base = `/s/${c.req.param("token")}`;
    return c.json({
      title: files.title,
      preset: files.preset,
      duration: files.info.duration ?? null,
      size: files.info.size ?? null,
      videoUrl: `${base}/video`,
      coverUrl: files.cover ? `${base}/cover` : null,
      expiresAt: files.expiresAt,
    });
  })
  .get("/:token/video", async (c) => {
    const files = await sharedFiles(c);
    const res = files ? await serveObject(c.env.MEDIA, files.video, c.req.raw) : null;
    return res ?? fail(c, "not_found");
  })
  .get("/:token/cover", async (c) => {
    const files = await sharedFiles(c);
    const res = files?.cover ? await serveObject(c.env.MEDIA, files.cover, c.req.raw) : null;
    return res ?? fail(c, "not_found");
  });
