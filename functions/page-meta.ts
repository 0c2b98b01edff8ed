// The SPA's index.html dressed for one link: <html lang>, <title>, description and Open Graph tags for chat previews.
import type { Lang } from "./context.ts";

const escapeAttr = (s: string) =>
  s.replace(
    /[&<>"']/g,
    (ch) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[ch]!,
  );

export interface PageMeta {
  lang: Lang;
  title: string;
  description: string;
  /** absolute URLs */
  url: string;
  image: string;
  /** og:type and its extra properties (og:video …) */
  type?: string;
  extra?: Array<[string, string]>;
}

/** The page with the link's language and preview tags; `status` as the caller decides. */
export function dressPage(page: Response, meta: PageMeta, status = 200): Response {
  const tags = [
    ["og:title", meta.title],
    ["og:description", meta.description],
    ["og:type", meta.type ?? "website"],
    ["og:url", meta.url],
    ["og:image", meta.image],
    ["og:site_name", "Reelsmith"],
    ["og:locale", meta.lang === "zh" ? "zh_CN" : "en_US"],
    ["twitter:card", "summary_large_image"],
    ...(meta.extra ?? []),
  ]
    .map(([k, v]) => `<meta property="${k}" content="${escapeAttr(v)}" />`)
    .join("");
  const dressed = new HTMLRewriter()
    .on("html", {
      element(el) {
        el.setAttribute("lang", meta.lang === "zh" ? "zh-CN" : "en");
      },
    })
    .on("title", {
      element(el) {
        el.setInnerContent(meta.title);
      },
    })
    .on("head", {
      element(el) {
        el.append(`${tags}<meta name="description" content="${escapeAttr(meta.description)}" />`, {
          html: true,
        });
      },
    })
    .transform(page);
  const headers = new Headers(dressed.headers);
  headers.set("Cache-Control", "public, max-age=60");
  return new Response(dressed.body, { status, headers });
}
