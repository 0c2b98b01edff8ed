// A user's mistake never breaks the next step, in Chromium against `wrangler dev` and the engine: refused files
// next to good ones, refused part bodies, a keyboard-only upload, and a reply still running across a reload.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, FileChooser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { launchChromium } from "./browser.ts";
import { makeClip, makeEmptyFile, makeFakeJpeg, makePhotos, makeRenamedExe } from "./media.ts";
import { chatHeld, holdNextChat, releaseChat } from "./slow-link.ts";

const baseURL = inject("stackUrl");
const MiB = 1024 * 1024;
let browser: Browser;
let dir: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "reelsmith-e2e-mistakes-"));
  browser = await launchChromium();
});

afterAll(async () => {
  await browser?.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A visitor on a fresh page; every answer of 500 or more is collected, to prove there are none. */
async function visit(locale = "en-US", viewport = { width: 1440, height: 900 }) {
  const context = await browser.newContext({ baseURL, locale, viewport });
  const page = await context.newPage();
  const faults: string[] = [];
  page.on("response", (r) => {
    if (r.status() >= 500) faults.push(`${r.status()} ${r.request().method()} ${r.url()}`);
  });
  await page.goto("/");
  return { context, page, faults };
}

const row = (p: Page, name: string) => p.locator(".upload-row", { hasText: name });

describe("mistakes never break the next step", () => {
  let context: BrowserContext;
  afterAll(() => context?.close());

  it("refused files dropped together with good ones: the good ones finish at once, the bad ones say why", async () => {
    const v = await visit();
    context = v.context;
    const { page, faults } = v;
    await page.locator('[data-preset="xiaohongshu"]').click();
    const photos = makePhotos(dir, 3);
    const started = Date.now();
    await page
      .locator('input[type="file"]')
      .setInputFiles([
        makeRenamedExe(dir),
        photos[0],
        makeFakeJpeg(dir),
        photos[1],
        photos[2],
        makeEmptyFile(dir),
      ]);
    await page.locator('.upload-row[data-state="done"]').nth(2).waitFor({ timeout: 60_000 });
    expect(Date.now() - started).toBeLessThan(30_000);
    for (const name of ["holiday.jpg", "notes.jpg", "empty.jpg"])
      await row(page, name).and(page.locator('[data-state="failed"]')).waitFor();
    expect(await row(page, "holiday.jpg").locator(".error-note").textContent()).toContain("not supported");
    expect(await row(page, "notes.jpg").locator(".error-note").textContent()).toContain("not supported");
    expect(await row(page, "empty.jpg").locator(".error-note").textContent()).toContain("The file is empty");
    // Sizes in the unit of the limit, an empty file as 0, refused files without "Try again".
    expect(await row(page, "empty.jpg").locator(".upload-row__size").textContent()).toBe("0 MB");
    expect(await row(page, "IMG_001.jpg").locator(".upload-row__size").textContent()).toMatch(
      /^\d+(\.\d)? MB$/,
    );
    expect(await page.locator(".drop__limit").textContent()).toBe(
      "Up to 500 MB a file (the local engine's limit).",
    );
    expect(await row(page, "holiday.jpg").getByRole("button", { name: "Try again" }).count()).toBe(0);
    // Each good photo has a preview made in the browser.
    for (const name of ["IMG_001.jpg", "IMG_002.jpg", "IMG_003.jpg"]) {
      const thumb = row(page, name).locator("img.upload-row__thumb");
      await thumb.waitFor();
      expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
    }
    expect(faults).toEqual([]);
  });

  it("answers refused part bodies at once and leaves the connection fit for the next request", async () => {
    const api = context.request;
    const { id: projectId } = await (await api.get("/api/projects")).json().then((b) => b.projects[0]);
    const plan = await (
      await api.post(`/api/projects/${projectId}/uploads`, {
        data: { name: "cut.mp4", size: 20 * MiB, type: "video/mp4" },
      })
    ).json();
    for (let i = 0; i < 3; i++) {
      const wrong = await api.put(`/api/uploads/${plan.id}/parts/2`, { data: Buffer.alloc(6 * MiB) });
      expect(wrong.status()).toBe(400);
      expect((await wrong.json()).error).toMatchObject({ code: "part_mismatch", part: 2, expected: 8 * MiB });
      const t0 = Date.now();
      expect((await api.get(`/api/uploads/${plan.id}`)).status()).toBe(200);
      expect(Date.now() - t0).toBeLessThan(2_000);
    }
    const text = await (
      await api.post(`/api/projects/${projectId}/uploads`, {
        data: { name: "n.jpg", size: 2000, type: "image/jpeg" },
      })
    ).json();
    const sniffed = await api.put(`/api/uploads/${text.id}/parts/1`, { data: Buffer.alloc(2000, "x") });
    expect(sniffed.status()).toBe(415);
    const t0 = Date.now();
    expect((await api.get("/api/projects")).status()).toBe(200);
    expect(Date.now() - t0).toBeLessThan(2_000);
  });

  it("takes a WeChat clip over 200 MB with the local engine (its own 500 MB limit)", async () => {
    const api = context.request;
    const wx = await (await api.post("/api/projects", { data: { preset: "weixin" } })).json();
    const big = await api.post(`/api/projects/${wx.id}/uploads`, {
      data: { name: "IMG_2040.MOV", size: 260 * MiB, type: "video/quicktime" },
    });
    expect(big.status()).toBe(201);
    await api.delete(`/api/uploads/${(await big.json()).id}`);
    const tooBig = await api.post(`/api/projects/${wx.id}/uploads`, {
      data: { name: "long.mov", size: 600 * MiB, type: "video/quicktime" },
    });
    expect(tooBig.status()).toBe(413);
    expect((await tooBig.json()).error.hint).toContain("500 MB (the local engine's limit)");
  });
});

/**
 * Presses `key` on the focused drop zone until the file picker opens. The zone may be drawn anew as the project's
 * state arrives, taking focus with it: then it is focused and the key pressed again, a few times.
 */
async function pickerBy(page: Page, key: string): Promise<FileChooser | undefined> {
  let chooser: FileChooser | undefined;
  for (let i = 0; i < 3 && !chooser; i++) {
    if (i > 0) await page.locator(".drop").focus();
    [chooser] = await Promise.all([
      page.waitForEvent("filechooser", { timeout: 10_000 }).catch(() => undefined),
      page.keyboard.press(key),
    ]);
  }
  return chooser;
}

describe("keyboard only", () => {
  it("reaches the drop zone with Tab, shows where focus is, and opens the picker with Space", async () => {
    const { context, page } = await visit();
    try {
      // Tab to the platforms, pick the first with Space, then Tab on to the drop zone.
      for (
        let i = 0;
        i < 20 && !(await page.evaluate(() => document.activeElement?.matches("[name=preset]")));
        i++
      )
        await page.keyboard.press("Tab");
      await page.keyboard.press("Space");
      for (let i = 0; i < 20 && !(await page.evaluate(() => document.activeElement?.matches(".drop"))); i++)
        await page.keyboard.press("Tab");
      const zone = page.locator(".drop");
      expect(await zone.evaluate((el) => el === document.activeElement && el.matches(":focus-visible"))).toBe(
        true,
      );
      expect(await zone.evaluate((el) => getComputedStyle(el).outlineStyle)).toBe("solid");
      const chooser = await pickerBy(page, "Space");
      expect(chooser).toBeDefined();
      await chooser?.setFiles(makeClip(dir));
      await row(page, "clip.mp4").and(page.locator('[data-state="done"]')).waitFor({ timeout: 60_000 });
      // A frame of the clip, made in the browser.
      const thumb = row(page, "clip.mp4").locator("img.upload-row__thumb");
      await thumb.waitFor();
      expect(await thumb.evaluate((img: HTMLImageElement) => img.naturalWidth)).toBe(96);
      // Back on the drop zone (the new row took the page's attention), Enter opens the picker too.
      await zone.focus();
      expect((await pickerBy(page, "Enter"))?.isMultiple()).toBe(true);
    } finally {
      await context.close();
    }
  });
});

describe("a reply still running when the page reloads", () => {
  it("says so, shows its progress to the end, and the next message goes through", async () => {
    const { context, page, faults } = await visit();
    try {
      await page.locator('[data-preset="douyin"]').click();
      // Held until the reloaded page has shown it running (at most a minute), however slow the machine.
      await holdNextChat(inject("slowLinkUrl"), 60_000);
      await page.locator("textarea").fill('make a 6 second promo: "Spring Sale"');
      await page.locator("textarea").press("Enter");
      await page.locator(".chat-panel__status").waitFor();
      // The server has the turn (not only the page's own "sending…") before the page goes away.
      await chatHeld(inject("slowLinkUrl"));
      await page.reload();
      await page
        .locator(".chat-entry--notice", { hasText: "still running when the page reloaded" })
        .waitFor();
      await page.locator(".chat-panel__status").waitFor();
      expect(await page.locator(".composer__send").isDisabled()).toBe(true);
      await releaseChat(inject("slowLinkUrl"));
      await page.locator(".chat-entry--agent").first().waitFor({ timeout: 30_000 });
      await page.locator(".chat-panel__status").waitFor({ state: "detached" });
      await page.locator("textarea").fill("make it 9 seconds");
      await page.locator("textarea").press("Enter");
      await page.locator(".chat-entry--agent").nth(1).waitFor({ timeout: 30_000 });
      expect(await page.locator(".chat-entry--error").count()).toBe(0);
      expect(faults).toEqual([]);
    } finally {
      await context.close();
    }
  });
});
