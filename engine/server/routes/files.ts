// The engine's "CDN": uploaded media at the cdn_url it answered, with Range support.
import { join } from "node:path";
import { Hono } from "hono";
import type { Deps } from "../deps.ts";
import { serveFile } from "../serve-file.ts";

export function fileRoutes({ store }: Deps) {
  return new Hono().get("/files/media/:sid/:file", (c) => {
    const { sid, file } = c.req.param();
    const media = store.sessions.findMedia(sid, file);
    if (!media) return c.notFound();
    return serveFile(c.req.raw, join(store.sessions.mediaDir(sid), media.file), { type: media.mime });
  });
}
