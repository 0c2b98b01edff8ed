// Sizes (in MB, the unit upload limits are stated in), lengths and times as people read them, in the page's language.
import type { Lang } from "./i18n.ts";

export { formatSize } from "../../../core/upload-limits.ts";

const HOUR = 3_600_000;

/** "5 minutes ago" within a day, otherwise the date and time ("Dec 2, 14:05"). */
export function formatWhen(at: number, lang: Lang, now = Date.now()): string {
  const locale = lang === "zh" ? "zh-CN" : "en";
  const ago = now - at;
  if (ago >= 0 && ago < 24 * HOUR) {
    const rel = new Intl.RelativeTimeFormat(locale, { numeric: "auto" });
    if (ago < 60_000) return rel.format(0, "second");
    if (ago < HOUR) return rel.format(-Math.floor(ago / 60_000), "minute");
    return rel.format(-Math.floor(ago / HOUR), "hour");
  }
  return new Intl.DateTimeFormat(locale, {
    month: "short",
    day: "numeric",
    hour: "2-digit",
    minute: "2-digit",
  }).format(at);
}
