// Installs what a fresh Debian machine lacks, with Node built-ins only: npm packages, ffmpeg, fonts, Chromium; then builds the SPA.
import { spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const root = new URL("..", import.meta.url).pathname;
const args = new Set(process.argv.slice(2));
const needBrowser = !args.has("--no-browser");

function run(cmd, argv, opts = {}) {
  const r = spawnSync(cmd, argv, { stdio: "inherit", cwd: root, ...opts });
  if (r.status !== 0) {
    console.error(`setup: \`${cmd} ${argv.join(" ")}\` failed (exit ${r.status})`);
    process.exit(r.status ?? 1);
  }
}
const has = (cmd) => spawnSync("sh", ["-c", `command -v ${cmd}`], { stdio: "ignore" }).status === 0;

// 1. npm packages, reinstalled whenever the lock file changes. `npm install` rather than `npm ci`: npm 11
// leaves other platforms' optional packages out of the lock file and `npm ci` then refuses it as out of sync.
const lock = join(root, "package-lock.json");
const stamp = join(root, "node_modules", ".reelsmith-lock");
const lockHash = () =>
  existsSync(lock) ? createHash("sha256").update(readFileSync(lock)).digest("hex") : "none";
if (!existsSync(stamp) || readFileSync(stamp, "utf8") !== lockHash()) {
  console.log("setup: installing npm packages…");
  run("npm", ["install", "--no-audit", "--no-fund"]);
  writeFileSync(stamp, lockHash());
}

// 2. Debian packages.
const missing = [];
if (!has("ffmpeg") || !has("ffprobe")) missing.push("ffmpeg");
// Fonts the renderer draws text with: Chinese, colour emoji, and the handwritten-feel style.
const fonts = {
  "fonts-noto-cjk": "/usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc",
  "fonts-noto-color-emoji": "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf",
  "fonts-lxgw-wenkai": "/usr/share/fonts/truetype/lxgw-wenkai/LXGWWenKai-Regular.ttf",
};
for (const [pkg, file] of Object.entries(fonts)) if (!existsSync(file)) missing.push(pkg);
if (needBrowser && !existsSync("/usr/bin/chromium")) missing.push("chromium");
if (missing.length > 0) {
  if (!has("apt-get")) {
    console.error(`setup: please install ${missing.join(", ")} (no apt-get here)`);
    process.exit(1);
  }
  const sudo = process.getuid?.() === 0 ? [] : ["sudo"];
  const apt = (argv) => (sudo.length ? run("sudo", ["apt-get", ...argv]) : run("apt-get", argv));
  console.log(`setup: installing ${missing.join(", ")} with apt-get…`);
  apt(["update", "-qq"]);
  apt(["install", "-y", "-qq", "--no-install-recommends", ...missing]);
}

// 3. The SPA, rebuilt when any source under web/ is newer than the build.
const newest = (dir) =>
  readdirSync(dir, { withFileTypes: true }).reduce((max, e) => {
    if (e.name === "dist" || e.name === "node_modules") return max;
    const p = join(dir, e.name);
    return Math.max(max, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }, 0);
const built = join(root, "web", "dist", "index.html");
const sourceTime = Math.max(newest(join(root, "web")), newest(join(root, "core")));
if (!existsSync(built) || statSync(built).mtimeMs < sourceTime) {
  console.log("setup: building the web app…");
  run("npx", ["vite", "build", "web", "--logLevel", "warn"]);
}
