// Share links `/p/:preset?prompt=&title=`: the SPA's page with per-preset Open Graph tags for chat-app previews.
import { Hono } from "hono";
import { getPreset } from "../core/presets.ts";
import type { AppEnv } from "./context.ts";

const escapeAttr = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

export const share = new Hono<AppEnv>().get("/:preset", async (c) => {
  const preset = getPreset(c.req.param("preset"));
  const lang = c.get("lang");
  const index = await c.env.ASSETS.fetch(new URL("/index.html", c.req.url));
  if (!preset) return new Response(index.body, { status: 404, headers: index.headers });
  const title = (c.req.query("title") ?? "").slice(0, 120) || `Reelsmith · ${preset.label[lang]}`;
  const description = (c.req.query("prompt") ?? "").slice(0, 300) || preset.description[lang];
  const tags = [
    ["og:title", title],
    ["og:description", description],
    ["og:type", "website"],
    ["og:url", c.req.url],
    ["og:site_name", "Reelsmith"],
    ["twitter:card", "summary"],
  ]
    .map(([k, v]) => `<meta property="${k}" content="${escapeAttr(v)}" />`)
    .join("");
  const page = new HTMLRewriter()
    .on("title", {
      element(el) {
        el.setInnerContent(title);
      },
    })
    .on("head", {
      element(el) {
        el.append(`${tags}<meta name="description" content="${escapeAttr(description)}" />`, { html: true });
      },
    })
    .transform(index);
  const headers = new Headers(page.headers);
  headers.set("Cache-Control", "public, max-age=60");
  return new Response(page.body, { status: 200, headers });
});
