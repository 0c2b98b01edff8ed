// The page always shows the truth, in Chromium: an export made before the latest edit says so, earlier exports
// stay listed, Reelsmith's own words follow the language switch, projects round-trip through the list, the
// platform follows what the editor did, and share links speak the link's language. Screenshots of both layouts
// in both languages land in test-results/screens/.
import { mkdirSync, mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser.ts";
import { makeClip } from "./media.ts";

const baseURL = inject("stackUrl");
const SCREENS = new URL("../../test-results/screens/", import.meta.url).pathname;
const VIEWPORTS = { phone: { width: 390, height: 844 }, desktop: { width: 1440, height: 900 } };
let browser: Browser;
let dir: string;
/** the English-speaking visitor whose project the tests build on, in order */
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reelsmith-e2e-truth-"));
  mkdirSync(SCREENS, { recursive: true });
  browser = await launchChromium();
  context = await browser.newContext({ baseURL, locale: "en-US", viewport: VIEWPORTS.desktop });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const send = async (p: Page, text: string) => {
  const replies = await p.locator(".chat-entry--agent").count();
  await p.locator("textarea").fill(text);
  await p.locator("textarea").press("Enter");
  await p.locator(".chat-entry--agent").nth(replies).waitFor({ timeout: 60_000 });
  await p.locator(".chat-panel__status").waitFor({ state: "detached", timeout: 60_000 });
};

const setLang = (p: Page, label: "EN" | "中文") =>
  p.getByRole("button", { name: label, exact: true }).click();

/**
 * Screens of `p` at both sizes, in both languages (`show` opens what is to be seen, e.g. a dialog, after each
 * switch), ending back in English at desktop size.
 */
async function screens(p: Page, name: string, show?: () => Promise<void>) {
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await p.setViewportSize(viewport);
    for (const [lang, label] of [
      ["en", "EN"],
      ["zh", "中文"],
    ] as const) {
      await setLang(p, label);
      await show?.();
      await p.waitForTimeout(200);
      await p.screenshot({ path: join(SCREENS, `${name}-${size}-${lang}.png`) });
      if (show) await p.keyboard.press("Escape");
      else if (size === "phone") {
        // One column: the export step is further down.
        await p.locator(".export-panel").scrollIntoViewIfNeeded();
        await p.screenshot({ path: join(SCREENS, `${name}-${size}-${lang}-export.png`) });
        await p.evaluate(() => window.scrollTo(0, 0));
      }
    }
  }
  await p.setViewportSize(VIEWPORTS.desktop);
  await setLang(p, "EN");
}

describe("the page shows the truth", () => {
  it("draws the timeline from structured lanes: a title like `Top 3. Picks` stays one piece", async () => {
    await page.goto("/");
    await page.locator('[data-preset="xiaohongshu"]').click();
    await page.locator('input[type="file"]').setInputFiles(makeClip(dir, "picks.mp4", 6));
    await page.locator('.upload-row[data-state="done"]').waitFor({ timeout: 60_000 });
    await send(page, 'make a 6 second video with the title "Top 3. Picks"');
    const title = page.locator(".lane--title .lane__piece");
    expect(await title.allTextContents()).toEqual(["Top 3. Picks"]);
    expect(await page.locator(".lane").count()).toBe(await page.locator(".lane__label").count());
    expect(await page.locator(".timeline-card__length").textContent()).toBe("6 s");
  });

  it("marks an export made before the latest edit as outdated, offers to export again, lists earlier exports", async () => {
    await page.locator(".export-panel__button").click();
    const download = page.locator("a.export-panel__download");
    await download.waitFor({ timeout: 150_000 });
    expect(await page.locator(".export-panel__result").getAttribute("data-outdated")).toBe("false");
    expect(await download.textContent()).toContain("6 s");
    // The preview's poster is the export's own (once the engine makes posters), never another picture.
    const exportUrl = (await download.getAttribute("href"))!.replace(/\/download$/, "");
    const { coverUrl } = await (await page.request.get(exportUrl)).json();
    expect(await page.locator("video.export-panel__video").getAttribute("poster")).toBe(coverUrl ?? null);

    await send(page, "move the title to the top");
    await page.locator(".export-panel__outdated").waitFor();
    expect(await page.locator(".export-panel__outdated").textContent()).toContain(
      "Made before your latest edits",
    );
    expect(await page.locator(".export-panel__result").getAttribute("data-outdated")).toBe("true");
    expect(await page.locator(".export-panel__button").textContent()).toBe("Export again");
    await page.waitForTimeout(400); // the buttons' colour transitions
    await page.screenshot({ path: join(SCREENS, "outdated-desktop-en.png") });

    await page.locator(".export-panel__button").click();
    await page.locator('.export-panel__result[data-outdated="false"]').waitFor({ timeout: 150_000 });
    expect(await download.textContent()).toContain("6 s");
    const earlier = page.locator(".export-history__item");
    expect(await earlier.count()).toBe(1);
    expect(await earlier.getAttribute("data-outdated")).toBe("true");
    expect(await earlier.textContent()).toContain("6 s");
  });

  it("re-renders everything Reelsmith composed when the language switches, and the tab title follows", async () => {
    const changes = page.locator(".chat-entry--state li");
    expect(await changes.allTextContents()).toContain("Title moved to the top");
    expect(await page.title()).toContain("one sentence to a platform-ready video");
    await setLang(page, "中文");
    expect(await changes.allTextContents()).toContain("标题移到顶部");
    expect(await page.locator(".lane__label").first().textContent()).toMatch(/视频|文字|标题/);
    expect(await page.locator(".export-history__item").textContent()).toContain("6 秒");
    expect(await page.locator(".export-panel__button").textContent()).toBe("重新导出");
    expect(await page.title()).toContain("一句话生成可发布的视频");
    await setLang(page, "EN");
    expect(await changes.allTextContents()).toContain("Title moved to the top");
  });

  it("names the download after the project and shares the export as a public page", async () => {
    const [file] = await Promise.all([
      page.waitForEvent("download"),
      page.locator("a.export-panel__download").click(),
    ]);
    expect(file.suggestedFilename()).toBe("Xiaohongshu (RED).mp4");
    await page.getByRole("button", { name: "Share link" }).click();
    const url = await page.locator(".share-link__url").inputValue();
    expect(url).toMatch(/\/s\/[A-Za-z0-9_-]{80,}$/);

    const stranger = await browser.newContext({ baseURL, locale: "en-US", viewport: VIEWPORTS.phone });
    try {
      const shared = await stranger.newPage();
      await shared.goto(`${url}?lang=zh`);
      expect(await shared.locator("html").getAttribute("lang")).toBe("zh-CN");
      await shared.locator(".shared-video__title", { hasText: "Xiaohongshu (RED)" }).waitFor();
      expect(await shared.locator(".shared-video a.btn").textContent()).toBe("我也来做一个");
      const image = await shared.locator('meta[property="og:image"]').getAttribute("content");
      expect(image).toMatch(/\/s\/[^/]+\/cover$|\/og\/xiaohongshu\.zh\.png$/);
      const size = await shared.locator("video").evaluate(
        (v: HTMLVideoElement) =>
          new Promise<string>((resolve) => {
            if (v.readyState >= 1) resolve(`${v.videoWidth}x${v.videoHeight}`);
            else v.addEventListener("loadedmetadata", () => resolve(`${v.videoWidth}x${v.videoHeight}`));
          }),
      );
      expect(size).toBe("1080x1920");
      await shared.screenshot({ path: join(SCREENS, "shared-phone-zh.png") });
    } finally {
      await stranger.close();
    }
  });

  it("takes screenshots of the workspace at phone and desktop size in both languages", async () => {
    await screens(page, "workspace");
  });

  it("keeps every project: new project says where the old one is; the list reopens, renames and deletes", async () => {
    await page.getByRole("button", { name: "+ New project" }).click();
    await page.locator(".project-note", { hasText: "“Xiaohongshu (RED)” is saved in Projects." }).waitFor();
    expect(await page.locator(".chat-entry").count()).toBe(0);
    await page.locator('[data-preset="douyin"]').click();
    await send(page, 'make a 6 second promo: "Second one"');

    const rows = page.locator(".project-row");
    const openList = async () => {
      await page.locator(".app-header__actions .btn").first().click();
      await rows.nth(1).waitFor();
    };
    await openList();
    expect(await rows.locator(".project-row__title").allTextContents()).toEqual([
      "Douyin",
      "Xiaohongshu (RED)",
    ]);
    // Each row shows its latest poster (once the engine makes posters).
    const listed = (await (await page.request.get("/api/projects")).json()).projects as {
      coverUrl: string | null;
    }[];
    for (const [i, p] of listed.entries())
      expect(await rows.nth(i).locator("img.project-row__cover").count()).toBe(p.coverUrl ? 1 : 0);
    await page.keyboard.press("Escape");
    await screens(page, "projects", openList);
    await openList();

    const first = rows.filter({ hasText: "Xiaohongshu (RED)" });
    await first.getByRole("button", { name: "Rename" }).click();
    await first.getByLabel("Project title").fill("Top picks for spring");
    await first.getByRole("button", { name: "Save" }).click();
    await rows.filter({ hasText: "Top picks for spring" }).getByRole("button", { name: "Open" }).click();
    await page.locator(".chat-entry--user", { hasText: "move the title to the top" }).waitFor();
    expect(await page.locator('[data-preset="xiaohongshu"] input').isChecked()).toBe(true);
    expect(await page.locator(".export-history__item").count()).toBe(1);
    expect(await page.title()).toMatch(/^Top picks for spring · /);

    await page.getByRole("button", { name: "Projects" }).click();
    const second = rows.filter({ hasText: "Douyin" });
    await second.getByRole("button", { name: "Delete" }).click();
    await second.getByRole("alert").getByRole("button", { name: "Delete" }).click();
    await rows.filter({ hasText: "Douyin" }).waitFor({ state: "detached" });
    expect(await rows.count()).toBe(1);
    await page.reload();
    await page.locator(".chat-entry--user", { hasText: "move the title to the top" }).waitFor();
  });
});

describe("a long project list", () => {
  it("shows the first page and the rest on request", async () => {
    await page.goto("/");
    // 55 more projects through the API, as an integration or a busy creator would have them.
    for (let i = 0; i < 55; i++) {
      const res = await page.request.post("/api/projects", {
        data: { preset: "douyin", title: `Batch ${i}` },
      });
      expect(res.status()).toBe(201);
    }
    const rows = page.locator(".project-row");
    const more = page.getByRole("button", { name: "Show more projects" });
    const openList = async () => {
      await page.locator(".app-header__actions .btn").first().click();
      await rows.nth(49).waitFor();
      await page.locator(".project-list__more").scrollIntoViewIfNeeded();
    };
    await openList();
    expect(await rows.count()).toBe(50);
    expect(await rows.first().locator(".project-row__title").textContent()).toBe("Batch 54");
    await page.keyboard.press("Escape");
    await screens(page, "projects-more", openList);
    const all = (await (await page.request.get("/api/projects?limit=100")).json()).projects.length as number;
    expect(all).toBeGreaterThan(55);
    await openList();
    await more.click();
    await rows.nth(all - 1).waitFor();
    expect(await rows.count()).toBe(all);
    expect(await more.count()).toBe(0);
    const titles = await rows.locator(".project-row__title").allTextContents();
    expect(new Set(titles).size).toBe(all);
    await page.keyboard.press("Escape");
  });
});

describe("paths that are not the app", () => {
  it("answer the JSON 404 from the running stack, and the app itself comes with its security headers", async () => {
    for (const path of ["/api", "/API/me", "/api/%2e%2e/me", "/api/me/", "/nothing-here"]) {
      const res = await fetch(`${baseURL}${path}`);
      expect(res.status, path).toBe(404);
      expect(res.headers.get("Content-Type"), path).toMatch(/^application\/json/);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe("not_found");
    }
    for (const path of ["/", "/p/douyin", "/api/me"]) {
      const res = await fetch(`${baseURL}${path}`);
      await res.body?.cancel();
      expect(res.headers.get("Content-Security-Policy"), path).toMatch(
        /^default-src 'self'; script-src 'self';/,
      );
      expect(res.headers.get("X-Frame-Options"), path).toBe("DENY");
      expect(res.headers.get("X-Content-Type-Options"), path).toBe("nosniff");
    }
    // The app runs under that policy: nothing it does is refused.
    const p = await context.newPage();
    const refused: string[] = [];
    p.on("console", (m) => {
      if (/Content Security Policy/i.test(m.text())) refused.push(m.text());
    });
    await p.goto("/");
    await p.locator('[data-preset="xiaohongshu"]').waitFor();
    await p.close();
    expect(refused).toEqual([]);
  });
});

describe("the platform follows what the editor did", () => {
  it("turns the 小红书 card into WeChat when the sentence asks for WeChat, and says so in either language", async () => {
    const zh = await browser.newContext({ baseURL, locale: "zh-CN", viewport: VIEWPORTS.phone });
    try {
      const p = await zh.newPage();
      await p.goto("/");
      await p.locator('[data-preset="xiaohongshu"]').click();
      await p.locator('input[type="file"]').setInputFiles(makeClip(dir));
      await p.locator('.upload-row[data-state="done"]').waitFor({ timeout: 60_000 });
      await send(p, "把这段视频压缩一下发微信");
      await p.locator('[data-preset="weixin"] input:checked').waitFor();
      expect(await p.locator('[data-preset="xiaohongshu"]').count()).toBe(0);
      const notice = p.locator(".chat-entry--notice");
      expect(await notice.textContent()).toContain("微信聊天分享");
      await setLang(p, "EN");
      expect(await notice.textContent()).toContain("WeChat chat share");
      expect(await p.locator('[data-preset="weixin"] .preset__label').textContent()).toBe(
        "WeChat chat share",
      );
    } finally {
      await zh.close();
    }
  });
});

describe("share links", () => {
  it("speak the link's language: <html lang>, the page and the preview card", async () => {
    const visitor = await browser.newContext({ baseURL, locale: "en-US", viewport: VIEWPORTS.phone });
    try {
      const p = await visitor.newPage();
      await p.goto(`/p/weixin?lang=zh&prompt=${encodeURIComponent("压缩一下发微信")}`);
      expect(await p.locator("html").getAttribute("lang")).toBe("zh-CN");
      expect(await p.locator("#step-3").textContent()).toContain("描述你的视频");
      expect(await p.locator('meta[property="og:image"]').getAttribute("content")).toBe(
        `${baseURL}/og/weixin.zh.png`,
      );
      expect(await p.locator("textarea").inputValue()).toBe("压缩一下发微信");
      await p.screenshot({ path: join(SCREENS, "share-link-phone-zh.png") });
    } finally {
      await visitor.close();
    }
  });
});
