// ffprobe wrapper: dimensions, frame rate, codecs, duration, audio presence, and MP4 atom order (faststart).
import { spawn } from "node:child_process";
import { open } from "node:fs/promises";
import { SNIFF_BYTES, sniff } from "../../core/media-type.ts";
import { FFPROBE } from "./ffmpeg-bin.ts";

export interface MediaProbe {
  /** seconds; 0 for a still image */
  duration: number;
  size: number;
  formatName: string;
  hasVideo: boolean;
  hasAudio: boolean;
  /** display size (rotation applied) */
  width?: number;
  height?: number;
  fps?: number;
  videoCodec?: string;
  videoProfile?: string;
  pixFmt?: string;
  audioCodec?: string;
  sampleRate?: number;
  channels?: number;
  /** MP4/MOV only: whether the moov atom precedes mdat (playback starts before the download ends) */
  moovBeforeMdat?: boolean;
}

interface ProbeStream {
  codec_type?: string;
  codec_name?: string;
  profile?: string;
  pix_fmt?: string;
  width?: number;
  height?: number;
  avg_frame_rate?: string;
  r_frame_rate?: string;
  sample_rate?: string;
  channels?: number;
  duration?: string;
  side_data_list?: { rotation?: number }[];
  disposition?: { attached_pic?: number };
}

interface ProbeJson {
  streams?: ProbeStream[];
  frames?: { side_data_list?: { rotation?: number }[] }[];
  format?: { duration?: string; size?: string; format_name?: string };
}

function runProbe(args: string[], path: string): Promise<ProbeJson> {
  return new Promise((resolve, reject) => {
    const child = spawn(FFPROBE, ["-v", "error", ...args, "-of", "json", path], {
      stdio: ["ignore", "pipe", "pipe"],
    });
    let out = "";
    let err = "";
    child.stdout.setEncoding("utf8").on("data", (d: string) => {
      out += d;
    });
    child.stderr.setEncoding("utf8").on("data", (d: string) => {
      err += d;
    });
    child.on("error", reject);
    child.on("close", (code) => {
      if (code !== 0) reject(new Error(`ffprobe failed: ${err.trim().split("\n").pop() ?? `exit ${code}`}`));
      else resolve(JSON.parse(out) as ProbeJson);
    });
  });
}

function parseRate(rate: string | undefined): number | undefined {
  if (!rate) return undefined;
  const [num, den] = rate.split("/").map(Number);
  const value = den ? num / den : num;
  return Number.isFinite(value) && value > 0 ? value : undefined;
}

/** Reads top-level MP4 box headers to find whether moov comes before mdat. */
export async function moovBeforeMdat(path: string): Promise<boolean | undefined> {
  const file = await open(path, "r");
  try {
    const { size } = await file.stat();
    const header = Buffer.alloc(16);
    let offset = 0;
    while (offset + 8 <= size) {
      await file.read(header, 0, 16, offset);
      let boxSize = header.readUInt32BE(0);
      const type = header.toString("latin1", 4, 8);
      if (type === "moov") return true;
      if (type === "mdat") return false;
      if (boxSize === 1) boxSize = Number(header.readBigUInt64BE(8));
      else if (boxSize === 0) boxSize = size - offset;
      if (boxSize < 8) return undefined;
      offset += boxSize;
    }
    return undefined;
  } finally {
    await file.close();
  }
}

const rotationOf = (sideData: { rotation?: number }[] | undefined) =>
  Math.abs(sideData?.find((d) => d.rotation !== undefined)?.rotation ?? 0);

/** Photos carry their EXIF orientation on the decoded frame, not on the stream: these arguments read both. */
const STREAMS_AND_FIRST_FRAME = [
  "-read_intervals",
  "%+#1",
  "-show_entries",
  "stream:format:frame_side_data=rotation",
];

/** Whether the file starts like a picture (JPEG, PNG, GIF, WebP). */
async function looksLikePhoto(path: string): Promise<boolean> {
  const file = await open(path, "r");
  try {
    const { buffer, bytesRead } = await file.read(Buffer.alloc(SNIFF_BYTES), 0, SNIFF_BYTES, 0);
    return sniff(buffer.subarray(0, bytesRead))?.kind === "image";
  } finally {
    await file.close();
  }
}

/**
 * Probes a media file; rejects when ffprobe cannot read it. A photo is probed in one ffprobe run that also decodes
 * its frame for the orientation: every upload and every render probes each photo, and starting ffprobe costs
 * about as much CPU as reading a 12 MP JPEG.
 */
export async function probeMedia(path: string): Promise<MediaProbe> {
  const photoBytes = await looksLikePhoto(path);
  const json = await runProbe(photoBytes ? STREAMS_AND_FIRST_FRAME : ["-show_streams", "-show_format"], path);
  const streams = json.streams ?? [];
  const video = streams.find((s) => s.codec_type === "video" && !s.disposition?.attached_pic);
  const audio = streams.find((s) => s.codec_type === "audio");
  const formatName = json.format?.format_name ?? "";
  const isPhoto = video !== undefined && /image2|_pipe$/.test(formatName);
  // A picture format the sniffer does not know (BMP, TIFF …) has its frame read in a second run.
  const frames =
    isPhoto && !photoBytes ? (await runProbe(STREAMS_AND_FIRST_FRAME, path)).frames : json.frames;
  const rotation = isPhoto ? rotationOf(frames?.[0]?.side_data_list) : rotationOf(video?.side_data_list);
  const swap = rotation === 90 || rotation === 270;
  const duration = Number(json.format?.duration ?? video?.duration ?? audio?.duration ?? 0);
  return {
    duration: Number.isFinite(duration) ? duration : 0,
    size: Number(json.format?.size ?? 0),
    formatName,
    hasVideo: video !== undefined,
    hasAudio: audio !== undefined,
    width: swap ? video?.height : video?.width,
    height: swap ? video?.width : video?.height,
    fps: parseRate(video?.avg_frame_rate) ?? parseRate(video?.r_frame_rate),
    videoCodec: video?.codec_name,
    videoProfile: video?.profile,
    pixFmt: video?.pix_fmt,
    audioCodec: audio?.codec_name,
    sampleRate: audio?.sample_rate ? Number(audio.sample_rate) : undefined,
    channels: audio?.channels,
    moovBeforeMdat: formatName.includes("mp4") ? await moovBeforeMdat(path) : undefined,
  };
}
