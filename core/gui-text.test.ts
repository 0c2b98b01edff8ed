// GUI instructions in agent replies become actions; the rest of the reply survives intact.
import { describe, expect, it } from "vitest";
import { type GuiAction, translateGuiText } from "./gui-text.ts";

const TABLE: [string, string, GuiAction[]][] = [
  ["I added the title. Click the Export button to download your video.", "I added the title.", ["export"]],
  ["Your video is ready! Click Export when you're happy.", "Your video is ready!", ["export"]],
  ["Done. Once you're happy, click Export.", "Done.", ["export"]],
  ["I trimmed the clips, you can drag the clip to reorder it.", "I trimmed the clips.", ["edit"]],
  ["Open the panel on the right to adjust the volume.", "", ["edit"]],
  [
    "I moved the title to the top - preview it in the timeline.",
    "I moved the title to the top.",
    ["show-timeline"],
  ],
  [
    "Music added at 35%. You can preview it in the timeline and click Export when ready.",
    "Music added at 35%.",
    ["show-timeline", "export"],
  ],
  ["You are out of credits. Check your account to top up.", "You are out of credits.", ["show-credits"]],
  [
    "Your video is ready. Click the Export button to download it, or open the panel on the right to preview it in the timeline.",
    "Your video is ready.",
    ["export", "show-timeline"],
  ],
  ["The title now lasts 2.5 seconds.", "The title now lasts 2.5 seconds.", []],
  [
    "I added a drop shadow and a press-style headline.",
    "I added a drop shadow and a press-style headline.",
    [],
  ],
  [
    "I see you want it shorter, so it is now 15 seconds.",
    "I see you want it shorter, so it is now 15 seconds.",
    [],
  ],
  [
    "Changes:\n- Title added\n- Music at 20%\n- Click Export to download",
    "Changes:\n- Title added\n- Music at 20%",
    ["export"],
  ],
  ["Click Export. Then click Export again to be sure.", "", ["export"]],
  [
    "视频已经准备好了。点击导出按钮即可下载，也可以打开右侧面板在时间线中预览。",
    "视频已经准备好了。",
    ["export", "show-timeline"],
  ],
  ["已为你添加标题。点击导出按钮即可下载视频。", "已为你添加标题。", ["export"]],
  ["已添加背景音乐，请在时间线中预览。", "已添加背景音乐。", ["show-timeline"]],
  ["片段已按顺序排列，你可以拖拽片段调整顺序。", "片段已按顺序排列。", ["edit"]],
  ["打开右侧面板可以调整音量。", "", ["edit"]],
  ["积分不足，请前往账户充值。", "积分不足。", ["show-credits"]],
  ["字幕已添加，满意的话，点击导出即可。", "字幕已添加。", ["export"]],
  ["标题改成了“城市之梦”，然后导出即可。", "标题改成了“城市之梦”。", ["export"]],
  ["时间线上共有三条轨道。", "时间线上共有三条轨道。", []],
  ["已添加字幕，点击 Export 按钮下载。", "已添加字幕。", ["export"]],
];

describe("translateGuiText", () => {
  it.each(TABLE)("%j", (input, text, actions) => {
    expect(translateGuiText(input)).toEqual({ text, actions });
  });

  it("capitalizes a sentence whose opening instruction was removed", () => {
    expect(translateGuiText("Click the clip, the title is now bigger.").text).toBe(
      "The title is now bigger.",
    );
  });
});
