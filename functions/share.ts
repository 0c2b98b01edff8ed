// Share links `/p/:preset?prompt=&title=&lang=`: the SPA with the preset's card as og:image, in the link's language.
import { Hono } from "hono";
import { getPreset } from "../core/presets.ts";
import type { AppEnv } from "./context.ts";
import { dressPage } from "./page-meta.ts";

/** The card drawn for a preset (web/public/og/), in the link's language. */
export const presetCard = (origin: string, preset: string, lang: "en" | "zh") =>
  `${origin}/og/${preset}${lang === "zh" ? ".zh" : ""}.png`;

export const share = new Hono<AppEnv>().get("/:preset", async (c) => {
  const preset = getPreset(c.req.param("preset"));
  const lang = c.get("lang");
  const index = await c.env.ASSETS.fetch(new URL("/index.html", c.req.url));
  if (!preset) return new Response(index.body, { status: 404, headers: index.headers });
  const origin = new URL(c.req.url).origin;
  return dressPage(index, {
    lang,
    title: (c.req.query("title") ?? "").slice(0, 120) || `Reelsmith · ${preset.label[lang]}`,
    description: (c.req.query("prompt") ?? "").slice(0, 300) || preset.description[lang],
    url: c.req.url,
    image: presetCard(origin, preset.id, lang),
  });
});
