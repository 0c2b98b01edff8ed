// Line charts as standalone SVG text (axes, ticks, legend), for the figures benches commit beside RESULTS.md.
import { mkdirSync, writeFileSync } from "node:fs";

export interface Series {
  name: string;
  points: ReadonlyArray<readonly [number, number]>;
}

export interface LineChart {
  title: string;
  xLabel: string;
  yLabel: string;
  series: Series[];
  /** the y axis starts at 0 unless told otherwise */
  yFromZero?: boolean;
  /** a logarithmic x axis (latency distributions) */
  xLog?: boolean;
}

const W = 760;
const H = 340;
const M = { left: 64, right: 16, top: 36, bottom: 72 };
const COLOURS = ["#2563eb", "#dc2626", "#16a34a", "#9333ea", "#ea580c", "#0891b2", "#4b5563", "#ca8a04"];

const esc = (s: string) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

/** About `count` round tick values covering [lo, hi]. */
export function ticks(lo: number, hi: number, count = 6): number[] {
  if (!(hi > lo)) return [lo];
  const raw = (hi - lo) / count;
  const mag = 10 ** Math.floor(Math.log10(raw));
  const step = [1, 2, 2.5, 5, 10].map((m) => m * mag).find((s) => s >= raw) ?? raw;
  const out: number[] = [];
  for (let v = Math.ceil(lo / step) * step; v <= hi + step * 1e-9; v += step)
    out.push(Number(v.toPrecision(12)));
  return out;
}

const label = (v: number) =>
  Math.abs(v) >= 1e4 ? `${(v / 1e3).toFixed(0)}k` : Number.isInteger(v) ? String(v) : v.toPrecision(3);

/** The chart as SVG text. */
export function lineChart(c: LineChart): string {
  const all = c.series.flatMap((s) => s.points);
  const tx = (x: number) => (c.xLog ? Math.log10(Math.max(x, 1e-6)) : x);
  const xs = all.map(([x]) => tx(x));
  const ys = all.map(([, y]) => y);
  let [x0, x1] = xs.length ? [Math.min(...xs), Math.max(...xs)] : [0, 1];
  let [y0, y1] = ys.length ? [Math.min(...ys), Math.max(...ys)] : [0, 1];
  if (c.yFromZero !== false) y0 = Math.min(0, y0);
  if (x1 === x0) x1 = x0 + 1;
  if (y1 === y0) y1 = y0 + 1;
  const yt = ticks(y0, y1 * 1.05);
  y1 = Math.max(y1, yt.at(-1) ?? y1);
  y0 = Math.min(y0, yt[0] ?? y0);
  const xt = c.xLog
    ? Array.from({ length: Math.floor(x1) - Math.ceil(x0) + 1 }, (_, i) => Math.ceil(x0) + i)
    : ticks(x0, x1);
  if (!c.xLog) {
    x0 = Math.min(x0, xt[0] ?? x0);
    x1 = Math.max(x1, xt.at(-1) ?? x1);
  }
  const pw = W - M.left - M.right;
  const ph = H - M.top - M.bottom;
  const px = (x: number) => M.left + ((x - x0) / (x1 - x0)) * pw;
  const py = (y: number) => M.top + ph - ((y - y0) / (y1 - y0)) * ph;
  const parts: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${W} ${H}" width="${W}" height="${H}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${esc(c.title)}</title>`,
    `<rect width="${W}" height="${H}" fill="#fff"/>`,
    `<text x="${W / 2}" y="20" text-anchor="middle" font-size="14" font-weight="bold">${esc(c.title)}</text>`,
  ];
  for (const v of yt) {
    const y = py(v).toFixed(1);
    parts.push(`<line x1="${M.left}" x2="${W - M.right}" y1="${y}" y2="${y}" stroke="#e5e7eb"/>`);
    parts.push(
      `<text x="${M.left - 6}" y="${y}" text-anchor="end" dominant-baseline="middle">${label(v)}</text>`,
    );
  }
  for (const v of xt) {
    const x = px(v).toFixed(1);
    parts.push(`<line x1="${x}" x2="${x}" y1="${M.top}" y2="${M.top + ph}" stroke="#f3f4f6"/>`);
    const text = c.xLog ? label(10 ** v) : label(v);
    parts.push(`<text x="${x}" y="${M.top + ph + 16}" text-anchor="middle">${text}</text>`);
  }
  parts.push(
    `<rect x="${M.left}" y="${M.top}" width="${pw}" height="${ph}" fill="none" stroke="#9ca3af"/>`,
    `<text x="${M.left + pw / 2}" y="${M.top + ph + 34}" text-anchor="middle">${esc(c.xLabel)}</text>`,
    `<text transform="translate(16 ${M.top + ph / 2}) rotate(-90)" text-anchor="middle">${esc(c.yLabel)}</text>`,
  );
  c.series.forEach((s, i) => {
    const colour = COLOURS[i % COLOURS.length];
    const d = s.points
      .map(([x, y], j) => `${j ? "L" : "M"}${px(tx(x)).toFixed(1)} ${py(y).toFixed(1)}`)
      .join(" ");
    if (d) parts.push(`<path d="${d}" fill="none" stroke="${colour}" stroke-width="1.6"/>`);
    const lx = M.left + (i % 4) * (pw / 4);
    const ly = H - 22 + Math.floor(i / 4) * 14;
    parts.push(
      `<rect x="${lx}" y="${ly - 8}" width="14" height="4" fill="${colour}" transform="translate(0 2)"/>`,
      `<text x="${lx + 20}" y="${ly}" dominant-baseline="middle">${esc(s.name)}</text>`,
    );
  });
  parts.push("</svg>");
  return `${parts.join("\n")}\n`;
}

/** Writes the chart to bench/charts/<name>.svg and answers the Markdown that shows it from RESULTS.md. */
export function saveChart(name: string, chart: LineChart): string {
  const rel = `charts/${name}.svg`;
  mkdirSync(new URL("charts/", import.meta.url), { recursive: true });
  writeFileSync(new URL(rel, import.meta.url), lineChart(chart));
  return `![${chart.title}](${rel})`;
}
