// Shared output assertions for rendered MP4s: ffprobe facts every render must satisfy.
import { expect } from "vitest";
import { type MediaProbe, probeMedia } from "../../../engine/render/probe.ts";

export interface ExpectedVideo {
  width: number;
  height: number;
  /** seconds */
  duration: number;
}

/** Asserts H.264 High yuv420p at 30 fps + AAC 48 kHz, the size and duration, and moov before mdat. */
export async function expectDeliverableMp4(path: string, want: ExpectedVideo): Promise<MediaProbe> {
  const p = await probeMedia(path);
  expect(p).toMatchObject({
    width: want.width,
    height: want.height,
    fps: 30,
    videoCodec: "h264",
    videoProfile: "High",
    pixFmt: "yuv420p",
    hasAudio: true,
    audioCodec: "aac",
    sampleRate: 48000,
    moovBeforeMdat: true,
  });
  expect(Math.abs(p.duration - want.duration)).toBeLessThan(0.1);
  return p;
}
