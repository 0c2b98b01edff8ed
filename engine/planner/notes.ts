// What a reply says besides the changes: choices made for the user, limits hit, and parts of the message not carried out.
import type { CommandName, ShotRef, Unsupported } from "../../core/edit-commands.ts";

export type Note =
  /** words Reelsmith chose for text asked for without words */
  | {
      kind: "wordsChosen";
      text: string;
      source: "topic" | "hook" | "title" | "default";
      block: "title" | "overlays";
    }
  /** captions or a script were asked for but no script text came with the message */
  | { kind: "needsScript" }
  /** an edit to something the video does not have */
  | { kind: "nothingTo"; what: "music" | "text" | "transitions" | "budget" | "clipSound" }
  /** a command that changed nothing because the video already is that way */
  | { kind: "already"; cmd: CommandName }
  | { kind: "durationCapped"; maxMs: number; preset: string }
  /** the clips are shorter than the length asked for */
  | { kind: "clipsShort"; requestedMs: number; endMs: number }
  /** transitions wait for a second shot */
  | { kind: "singleShot" }
  /** a shot named by position or file name that is not there */
  | { kind: "noShot"; ref: ShotRef }
  /** trimming asked for a photo, or with no clip in the video */
  | { kind: "noClipToTrim"; photo: boolean }
  /** which clip a trim went to when the message did not say */
  | { kind: "trimmedClip"; index: number; name: string }
  /** a trim that would leave less than a second */
  | { kind: "trimTooShort"; name: string }
  /** removing or choosing shots would leave none */
  | { kind: "keptOneShot" }
  /** the message named a platform other than the project's */
  | { kind: "platformSwitched"; from: string; to: string }
  /** one caption per shot, but the numbers of lines and shots differ */
  | { kind: "captionsPerShot"; lines: number; shots: number }
  /** "my song" with no song uploaded */
  | { kind: "noUpload" }
  /** a song's start point or length asked of music that is not the user's song */
  | { kind: "noSong" }
  /** other words wanted for the title, without saying which */
  | { kind: "wantsWords" }
  /** a volume change with no music: applied to the clips' own sound */
  | { kind: "volumeOnClips" }
  /** louder than full or quieter than silent */
  | { kind: "volumeLimit"; at: "max" | "min" }
  /** "fade the music in/out": how it already fades */
  | { kind: "musicFades"; inMs: number; outMs: number }
  | { kind: "nothingToUndo" }
  | { kind: "nothingToRedo" }
  /** a revert of something that has not changed since the first version */
  | { kind: "nothingToRevert"; target: string }
  /** the message also asked for the export: the edits are in and the export comes next */
  | { kind: "exportNext"; width: number; height: number; ms: number }
  | { kind: "unsupported"; items: Unsupported[] }
  /** clauses that made no sense to the interpreter, as the user wrote them */
  | { kind: "unclear"; texts: string[] };
