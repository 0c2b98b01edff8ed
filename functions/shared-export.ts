// A shared export `/s/:token`: the page (with the export's poster as og:image), its facts, video and poster.
// The token alone opens it: no cookie, nothing of the owner but this one video and its project's title.
import { createRoute } from "@hono/zod-openapi";
import type { Context } from "hono";
import { TokenParam } from "../core/api.ts";
import { SharedExportInfo } from "../core/api-views.ts";
import { ReelsmithError } from "../core/errors.ts";
import { openShare } from "../core/export-share.ts";
import { unwrap } from "../core/outcome.ts";
import type { AppEnv } from "./context.ts";
import { dressPage } from "./page-meta.ts";
import { serveObject } from "./r2-response.ts";
import { file, json, PUBLIC, refusals, routes } from "./route-kit.ts";
import { presetCard } from "./share.ts";

/** The export a token names, read from its owner's object; null when the token or the export is gone. */
async function sharedFiles(c: Context<AppEnv>) {
  const share = await openShare(c.req.param("token") ?? "", c.env.SECRET);
  if (typeof share === "string") return null;
  const owner = c.env.USER_DO.get(c.env.USER_DO.idFromName(share.userId));
  const files = await owner.exportFiles(share.exportId);
  return files.ok ? { ...unwrap(files), expiresAt: share.exp * 1000 } : null;
}

async function sharedOrMissing(c: Context<AppEnv>) {
  return (await sharedFiles(c)) ?? notFound();
}

const notFound = (): never => {
  throw new ReelsmithError("not_found");
};

const getInfo = createRoute({
  method: "get",
  path: "/{token}/info",
  tags: ["Sharing"],
  summary: "What a share link shows: the title, length, and where the video and poster are",
  ...PUBLIC,
  request: { params: TokenParam },
  responses: { 200: json(SharedExportInfo, "The shared export"), ...refusals },
});

const getVideo = createRoute({
  method: "get",
  path: "/{token}/video",
  tags: ["Sharing"],
  summary: "The shared video (Range supported)",
  ...PUBLIC,
  request: { params: TokenParam },
  responses: { ...file("video/mp4", "The video"), ...refusals },
});

const getCover = createRoute({
  method: "get",
  path: "/{token}/cover",
  tags: ["Sharing"],
  summary: "The shared video's poster",
  ...PUBLIC,
  request: { params: TokenParam },
  responses: { ...file("image/*", "The poster"), ...refusals },
});

const sharedPage = routes().get("/:token", async (c) => {
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
});

export const sharedExport = routes()
  .route("/", sharedPage)
  .openapi(getInfo, async (c) => {
    const files = await sharedOrMissing(c);
    const base = `/s/${c.req.valid("param").token}`;
    return c.json(
      {
        title: files.title,
        preset: files.preset,
        duration: files.duration ?? null,
        size: files.size ?? null,
        videoUrl: `${base}/video`,
        coverUrl: files.cover ? `${base}/cover` : null,
        expiresAt: files.expiresAt,
      },
      200,
    );
  })
  .openapi(getVideo, async (c) => serveObject(c, (await sharedOrMissing(c)).video))
  .openapi(getCover, async (c) => serveObject(c, (await sharedOrMissing(c)).cover ?? notFound()));
