// The promise end to end in Chromium: pick a platform, drop three photos, say one sentence, export, get a real MP4.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Draft, TrackType } from "../../core/draft.ts";
import { launchChromium } from "./browser.ts";
import { makeFakeJpeg, makePhotos, makeSong, probeStreams } from "./media.ts";

const PROMPT = "做一个小红书竖屏视频，加标题和背景音乐，6秒";

const baseURL = inject("stackUrl");
let browser: Browser;
let dir: string;
let photos: string[];
/** the Chinese-speaking visitor of the main flow; later tests reuse their project */
let context: BrowserContext;
let page: Page;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reelsmith-e2e-media-"));
  photos = makePhotos(dir, 3);
  browser = await launchChromium();
  context = await browser.newContext({
    baseURL,
    locale: "zh-CN",
    viewport: { width: 1440, height: 900 },
  });
  page = await context.newPage();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

const doneUploads = (p: Page) => p.locator('.upload-row[data-state="done"]');

async function openProject(p: Page): Promise<{ draft: Draft; ready: boolean }> {
  const { projects } = await (await p.request.get("/api/projects")).json();
  return (await p.request.get(`/api/projects/${projects[0].id}`)).json();
}

describe("Reelsmith in the browser", () => {
  it("turns three photos and one sentence into a 1080×1920 H.264/AAC MP4", async () => {
    await page.goto("/");
    await page.locator('[data-preset="xiaohongshu"]').click();
    expect(await page.locator('[data-preset="xiaohongshu"] input').isChecked()).toBe(true);

    await page.locator('input[type="file"]').setInputFiles(photos);
    await doneUploads(page).nth(2).waitFor({ timeout: 60_000 });

    await page.locator("textarea").fill(PROMPT);
    await page.locator("textarea").press("Enter");
    await page.locator(".chat-entry--user", { hasText: PROMPT }).waitFor();
    await page.locator(".chat-entry--agent").first().waitFor({ timeout: 90_000 });
    await page.locator(".chat-panel__status").waitFor({ state: "detached", timeout: 90_000 });
    expect(await page.locator(".chat-entry--error").count()).toBe(0);

    // All three photos reached the editor, in the order they were dropped.
    const { draft, ready } = await openProject(page);
    expect(ready).toBe(true);
    const stills = draft.t
      .filter((t) => t.tt === TrackType.Video)
      .flatMap((t) => t.sg.filter((s) => s.k === "image"));
    expect(stills).toHaveLength(3);

    const exportButton = page.locator(".export-panel__button");
    await exportButton.click();
    const link = page.locator("a.export-panel__download");
    await link.waitFor({ timeout: 150_000 });

    const [download] = await Promise.all([page.waitForEvent("download"), link.click()]);
    const file = join(dir, "export.mp4");
    await download.saveAs(file);
    const streams = probeStreams(file);
    const video = streams.find((s) => s.codec_type === "video");
    expect(video).toMatchObject({ codec_name: "h264", width: 1080, height: 1920 });
    expect(streams.find((s) => s.codec_type === "audio")?.codec_name).toBe("aac");

    // The inline preview plays the same file.
    const size = await page.locator("video.export-panel__video").evaluate(
      (v: HTMLVideoElement) =>
        new Promise<string>((resolve) => {
          const report = () => resolve(`${v.videoWidth}x${v.videoHeight}`);
          if (v.readyState >= 1) report();
          else v.addEventListener("loadedmetadata", report, { once: true });
        }),
    );
    expect(size).toBe("1080x1920");
  });

  it("restores the transcript, uploads and export after a reload", async () => {
    await page.reload();
    await page.locator(".chat-entry--user", { hasText: PROMPT }).waitFor();
    expect(await page.locator(".chat-entry--agent").count()).toBeGreaterThan(0);
    expect(await doneUploads(page).count()).toBe(3);
    await page.locator("a.export-panel__download").waitFor();
    expect(await page.locator('[data-preset="xiaohongshu"] input').isChecked()).toBe(true);
  });

  it("switches every visible label between Chinese and English", async () => {
    const title = page.locator("#step-3");
    expect(await title.textContent()).toContain("描述你的视频");
    await page.getByRole("button", { name: "EN", exact: true }).click();
    expect(await title.textContent()).toContain("Describe your video");
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    expect(await page.locator("a.export-panel__download").textContent()).toContain("Download MP4");
    await page.getByRole("button", { name: "中文", exact: true }).click();
    expect(await title.textContent()).toContain("描述你的视频");
    expect(await page.locator("a.export-panel__download").textContent()).toContain("下载 MP4");
  });

  it("refuses a text file named .jpg with a clear error, losing nothing", async () => {
    const before = await page.locator(".chat-entry").count();
    await page.locator('input[type="file"]').setInputFiles(makeFakeJpeg(dir));
    const failed = page.locator('.upload-row[data-state="failed"]', { hasText: "notes.jpg" });
    await failed.waitFor({ timeout: 30_000 });
    const error = (await failed.locator(".error-note").textContent()) ?? "";
    expect(error).toContain("不支持这种文件类型");
    expect(error).toMatch(/jpg/);

    expect(await doneUploads(page).count()).toBe(3);
    expect(await page.locator(".chat-entry").count()).toBe(before);
    await page.locator("a.export-panel__download").waitFor();
    expect((await openProject(page)).ready).toBe(true);
  });

  it("resumes an interrupted upload without sending stored parts again", async () => {
    const visitor = await browser.newContext({ baseURL, locale: "en-US" });
    try {
      const p = await visitor.newPage();
      const sent = new Map<number, number>();
      p.on("requestfinished", (req) => {
        const part = /\/parts\/(\d+)$/.exec(req.url());
        if (req.method() === "PUT" && part) sent.set(Number(part[1]), (sent.get(Number(part[1])) ?? 0) + 1);
      });
      // The network drops every time part 2 goes out, until it comes back.
      await p.route("**/api/uploads/*/parts/2", (route) => route.abort("connectionreset"));
      await p.goto("/");
      await p.locator('[data-preset="xiaohongshu"]').click();
      await p.locator('input[type="file"]').setInputFiles(makeSong(dir, 100)); // 19 MB: three 8 MiB parts
      const row = p.locator(".upload-row", { hasText: "song.wav" });
      await row.and(p.locator('[data-state="failed"]')).waitFor({ timeout: 60_000 });
      expect(Object.fromEntries(sent)).toEqual({ 1: 1, 3: 1 });

      await p.unroute("**/api/uploads/*/parts/2");
      await row.getByRole("button", { name: "Try again" }).click();
      await row.and(p.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
      expect(Object.fromEntries(sent)).toEqual({ 1: 1, 2: 1, 3: 1 });
    } finally {
      await visitor.close();
    }
  });

  it("opens a share link with its preset chosen and its prompt filled in", async () => {
    const visitor = await browser.newContext({
      baseURL,
      locale: "en-US",
      viewport: { width: 390, height: 844 },
    });
    try {
      const p = await visitor.newPage();
      const prompt = "Make a punchy 15-second Douyin video from my clips";
      await p.goto(
        `/p/douyin?prompt=${encodeURIComponent(prompt)}&title=${encodeURIComponent("Cafe opening")}`,
      );
      await p.locator('[data-preset="douyin"] input:checked').waitFor();
      expect(await p.locator("textarea").inputValue()).toBe(prompt);
      expect(await p.locator('meta[property="og:title"]').getAttribute("content")).toBe("Cafe opening");
      expect(await p.locator('[data-preset="xiaohongshu"] input').isChecked()).toBe(false);
    } finally {
      await visitor.close();
    }
  });
});
