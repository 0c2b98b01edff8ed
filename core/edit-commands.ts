// The edit command set: the one contract between reading a creator's message (by rules or by a model) and editing the draft.
import { z } from "zod";
import { MUSIC_MOODS, TEXT_STYLES } from "./draft.ts";
import { PRESETS } from "./presets.ts";

/** How much text one command carries: a title or overlay, a caption line, items in a list, lines in a script. */
/** "Smaller" once more on a size budget: the next limit is this share of the current one. */
export const SMALLER_BUDGET_STEP = 0.7;

export const TEXT_LIMITS = { text: 200, line: 500, texts: 50, lines: 200 } as const;

const seconds = z.number().min(0).max(3600).describe("seconds");
const PresetId = z.enum(PRESETS.map((p) => p.id) as [string, ...string[]]);
export const TextTarget = z
  .enum(["auto", "all", "title", "captions", "overlays", "cards"])
  .describe('which text: "auto" is the title if there is one, else the first text on screen');
export type TextTarget = z.infer<typeof TextTarget>;
const Position = z.enum(["top", "center", "bottom"]);

/**
 * A shot on the timeline: by 1-based position (negative counts from the end, -1 = last), among all shots or only
 * the photos or clips ("the second clip"), or by file name.
 */
export const ShotRef = z.union([
  z.object({
    at: z
      .number()
      .int()
      .min(-500)
      .max(500)
      .refine((n) => n !== 0, "positions start at 1"),
    of: z.enum(["photo", "clip"]).optional(),
  }),
  z.object({ name: z.string().min(1).max(200) }),
]);
export type ShotRef = z.infer<typeof ShotRef>;

export const EditCommand = z.discriminatedUnion("cmd", [
  z
    .object({
      cmd: z.literal("canvas"),
      preset: PresetId.optional().describe("a platform preset: its canvas, limits and look"),
      aspect: z
        .object({ w: z.number().int().min(1).max(64), h: z.number().int().min(1).max(64) })
        .optional()
        .describe("shape by ratio, e.g. 9:16, 4:5, 1:1"),
      resolution: z
        .number()
        .int()
        .min(240)
        .max(2160)
        .optional()
        .describe("short side in px, e.g. 1080 for 1080p"),
      keepSource: z.boolean().optional().describe("follow the first shot's own shape"),
    })
    .describe("the frame: platform, shape, resolution"),
  z
    .object({
      cmd: z.literal("length"),
      seconds: seconds.optional().describe("total length"),
      changeSeconds: z.number().min(-3600).max(3600).optional().describe("longer (+) or shorter (-) by"),
      factor: z.number().min(0.1).max(10).optional().describe("longer or shorter by a factor"),
      matchMusic: z.boolean().optional().describe("as long as the user's song (from where it starts)"),
    })
    .describe("the whole video's length"),
  z
    .object({
      cmd: z.literal("shotLength"),
      seconds: z.number().min(0.3).max(600).optional(),
      factor: z.number().min(0.1).max(10).optional().describe("faster (<1) or slower (>1) pace"),
    })
    .describe("how long each photo stays on screen"),
  z.object({
    cmd: z.literal("moveShot"),
    shot: ShotRef,
    to: z.union([z.literal("first"), z.literal("last"), z.number().int().min(1).max(500)]),
  }),
  z.object({ cmd: z.literal("swapShots"), a: ShotRef, b: ShotRef }),
  z.object({ cmd: z.literal("reverseShots") }),
  z
    .object({ cmd: z.literal("keepShots"), shots: z.array(ShotRef).min(1).max(500) })
    .describe("use only these"),
  z.object({ cmd: z.literal("removeShots"), shots: z.array(ShotRef).min(1).max(500) }),
  z
    .object({
      cmd: z.literal("trim"),
      shot: ShotRef.optional().describe(
        "which clip; omitted: the only clip, or the first/last for start/end cuts",
      ),
      from: seconds.optional().describe("keep from this point of the clip"),
      to: seconds.optional().describe("keep up to this point of the clip"),
      cutStart: seconds.optional().describe("drop this much from the start"),
      cutEnd: seconds.optional().describe("drop this much from the end"),
      keepFirst: seconds.optional().describe("keep only this much from the start"),
      keepLast: seconds.optional().describe("keep only this much from the end"),
    })
    .describe("which part of a clip plays"),
  z.object({
    cmd: z.literal("transition"),
    kind: z.enum(["fade", "slide", "wipe", "zoom"]).optional(),
    seconds: z.number().min(0.1).max(3).optional(),
    different: z.boolean().optional().describe("another kind than the current one"),
  }),
  z.object({ cmd: z.literal("noTransitions") }),
  z
    .object({
      cmd: z.literal("title"),
      text: z.string().min(1).max(200).optional(),
      different: z.boolean().optional().describe("other words than the current title's, not yet given"),
    })
    .describe("add or change the title; no text: Reelsmith picks words and says which"),
  z
    .object({
      cmd: z.literal("overlays"),
      texts: z.array(z.string().min(1).max(TEXT_LIMITS.text)).max(TEXT_LIMITS.texts).optional(),
    })
    .describe("text on screen besides the title; no texts: Reelsmith picks words"),
  z
    .object({
      cmd: z.literal("captions"),
      lines: z.array(z.string().min(1).max(TEXT_LIMITS.line)).max(TEXT_LIMITS.lines).optional(),
      perShot: z.boolean().optional().describe("one line per photo or clip"),
    })
    .describe("captions from script lines (cards when there is no media)"),
  z.object({ cmd: z.literal("removeText"), target: TextTarget }),
  z.object({
    cmd: z.literal("textStyle"),
    target: TextTarget,
    sizeFactor: z.number().min(0.2).max(5).optional(),
    position: Position.optional(),
    color: z
      .string()
      .regex(/^#[0-9A-Fa-f]{6}$/)
      .optional(),
    style: z.enum(TEXT_STYLES).optional(),
  }),
  z.object({
    cmd: z.literal("music"),
    mood: z.enum(MUSIC_MOODS).optional(),
    source: z.enum(["upload", "builtIn"]).optional().describe("the user's own song, or a built-in track"),
    different: z.boolean().optional().describe("another track than the current one"),
    fade: z.boolean().optional().describe("fade in and out (music always does; the reply says how)"),
    startAt: z
      .number()
      .min(0)
      .max(3600)
      .optional()
      .describe("seconds into the user's song where it starts playing"),
  }),
  z.object({
    cmd: z.literal("musicVolume"),
    percent: z.number().min(0).max(100).optional().describe("absolute level"),
    change: z.number().min(-1).max(1).optional().describe("relative step, e.g. -0.15 for a bit quieter"),
    factor: z.number().min(0).max(4).optional().describe("e.g. 0.5 for half as loud"),
    anySound: z
      .boolean()
      .optional()
      .describe('no sound was named ("too loud"): the music if there is any, else the clips\' own sound'),
  }),
  z.object({ cmd: z.literal("removeMusic") }),
  z
    .object({
      cmd: z.literal("sourceSound"),
      on: z.boolean(),
      percent: z.number().min(0).max(100).optional().describe("level of the clips' own sound"),
    })
    .describe("the clips' own sound"),
  z
    .object({
      cmd: z.literal("budget"),
      megabytes: z.number().min(1).max(4096).optional(),
      factor: z.number().min(0.1).max(1).optional().describe("smaller than the current limit by this factor"),
    })
    .describe("fit a file size; no size: the platform's limit"),
  z.object({ cmd: z.literal("noBudget") }),
  z.object({ cmd: z.literal("undo"), steps: z.number().int().min(1).max(50).default(1) }),
  z.object({ cmd: z.literal("redo"), steps: z.number().int().min(1).max(50).default(1) }),
  z
    .object({
      cmd: z.literal("revert"),
      target: z
        .enum(["all", "canvas", "length", "shots", "transitions", "title", "text", "music"])
        .describe('"all": back to the first version'),
    })
    .describe("put something back the way it was before it was last changed"),
  z.object({ cmd: z.literal("export") }).describe("render the MP4 once the edits are in"),
  z
    .object({
      cmd: z.literal("create"),
      topic: z
        .string()
        .max(80)
        .optional()
        .describe('what the video is about ("our coffee shop"): words for a title'),
    })
    .describe("make a video from the uploaded media (again, when new media arrived)"),
]);
export type EditCommand = z.infer<typeof EditCommand>;
export type CommandName = EditCommand["cmd"];

/** Something asked for that Reelsmith cannot do, named in both languages, with what it offers instead. */
export const Unsupported = z.object({
  en: z.string(),
  zh: z.string(),
  insteadEn: z.string().optional(),
  insteadZh: z.string().optional(),
});
export type Unsupported = z.infer<typeof Unsupported>;

/** One clause of a message and what became of it: every clause is either turned into commands or declined. */
export const Clause = z.object({
  text: z.string().describe("the clause as the user wrote it"),
  commands: z.array(EditCommand),
  outcome: z
    .enum(["commands", "unsupported", "unclear", "chat"])
    .describe('"chat": greetings, thanks, filler'),
  unsupported: z.array(Unsupported).optional().describe("features asked for that Reelsmith declines"),
});
export type Clause = z.infer<typeof Clause>;

export const Interpretation = z.object({
  clauses: z.array(Clause),
  /** "what can you do", 帮助 */
  help: z.boolean(),
  /** the message speaks of a script or captions but none came with it */
  wantsScript: z.boolean(),
});
export type Interpretation = z.infer<typeof Interpretation>;

export const allCommands = (i: Interpretation): EditCommand[] => i.clauses.flatMap((c) => c.commands);
