// The intent router over English, Chinese and mixed phrasings, including look-alikes that must reach the agent.
import { describe, expect, it } from "vitest";
import { type IntentKind, routeIntent } from "./intent.ts";

const TABLE: [string, IntentKind][] = [
  // export
  ["export", "export"],
  ["Export the video please", "export"],
  ["can you export it?", "export"],
  ["Download", "export"],
  ["download the final video as mp4", "export"],
  ["send me the video", "export"],
  ["Send it to me!", "export"],
  ["how do I download it", "export"],
  ["save the video to my phone", "export"],
  ["导出", "export"],
  ["导出视频", "export"],
  ["帮我导出一下", "export"],
  ["下载视频", "export"],
  ["把视频发给我", "export"],
  ["把视频导出来吧", "export"],
  ["发我视频", "export"],
  ["怎么下载？", "export"],
  // credits
  ["credits", "credits"],
  ["How many credits do I have left?", "credits"],
  ["check my balance", "credits"],
  ["what's my balance", "credits"],
  ["积分", "credits"],
  ["我还有多少积分", "credits"],
  ["查一下余额", "credits"],
  ["剩余积分", "credits"],
  // status
  ["status", "status"],
  ["show tracks", "status"],
  ["Show me the timeline", "status"],
  ["what's on the timeline?", "status"],
  ["what's the status", "status"],
  ["状态", "status"],
  ["时间线", "status"],
  ["查看时间线", "status"],
  ["时间线上有什么", "status"],
  ["当前进度", "status"],
  // upload
  ["upload", "upload"],
  ["How do I upload?", "upload"],
  ["how can i upload my photos", "upload"],
  ["I want to upload a video", "upload"],
  ["上传", "upload"],
  ["怎么上传视频", "upload"],
  ["如何上传素材？", "upload"],
  // mixed language
  ["帮我 export 一下", "export"],
  ["帮我export一下", "export"],
  ["export 视频", "export"],
  ["把 video 发给我", "export"],
  ["send me the 视频", "export"],
  ["check 积分", "credits"],
  ["我的 credits 还剩多少", "credits"],
  ["how many 积分 do I have", "credits"],
  ["show 时间线", "status"],
  ["how do I 上传", "upload"],
  ["上传 video", "upload"],
  // look-alikes: a keyword inside an edit or a question about something else goes to the agent
  ["make the export look warmer", "agent"],
  ["add a title that says Download Now", "agent"],
  ["export quality too low, make it sharper", "agent"],
  ["put 'balance' text on screen", "agent"],
  ["状态栏加个标题", "agent"],
  ["balance the audio levels", "agent"],
  ["add a credits roll at the end", "agent"],
  ["roll credits", "agent"],
  ["make the status text bigger", "agent"],
  ["make the timeline shorter", "agent"],
  ["send me a funnier version", "agent"],
  ["don't export yet", "agent"],
  ["use the uploaded clip as the intro", "agent"],
  ["how do I add music", "agent"],
  ["export it in slow motion", "agent"],
  ["把导出的视频调亮一点", "agent"],
  ["导出的时候加上水印", "agent"],
  ["在时间线开头加个标题", "agent"],
  ["上传的照片做成幻灯片", "agent"],
  ["积分墙的画面放慢一点", "agent"],
  ["下载按钮做大一点", "agent"],
  ["make a vertical Xiaohongshu video with music", "agent"],
  ["把这段视频压缩一下发微信", "agent"],
  ["", "agent"],
];

describe("routeIntent", () => {
  it("has a table of at least 40 phrasings", () => {
    expect(TABLE.length).toBeGreaterThanOrEqual(40);
  });

  it.each(TABLE)("%j → %s", (text, kind) => {
    expect(routeIntent(text).kind).toBe(kind);
  });

  it.each([
    "make it 15 seconds and export it as mp4",
    "add music, then export",
    "call it Night Market. Download it please",
    "标题改成“上新啦”然后导出",
    "加个音乐，导出视频",
    "压缩一下再发给我",
  ])("%j goes to the agent, then to the export", (text) => {
    expect(routeIntent(text)).toEqual({ kind: "agent", thenExport: true });
  });

  it.each([
    "export it and then make it warmer",
    "don't export yet",
    "make the export look warmer",
    "导出的时候加上水印",
  ])("%j is an edit only", (text) => expect(routeIntent(text)).toEqual({ kind: "agent" }));

  it("sends long messages to the agent even when they start like a command", () => {
    expect(routeIntent(`export ${"and then make it better ".repeat(6)}`).kind).toBe("agent");
  });
});
