// How a fake render moves with time (pending → processing → completed | failed) and the file it produces.
import type { RenderStatus } from "../../core/contract.ts";
import type { RenderRecord } from "./world.ts";

export interface RenderState {
  status: RenderStatus;
  progress: number;
  error?: string;
  completedAt?: number;
}

/** Pending for the first 20% of the render time, then processing, then done; a planned failure strikes halfway. */
export function renderState(r: RenderRecord, now: number): RenderState {
  if (r.cancelledAt !== undefined) return { status: "failed", progress: 0, error: "Render cancelled" };
  const elapsed = now - r.createdAt;
  const half = r.durationMs / 2;
  if (r.failWith !== undefined && elapsed >= half)
    return { status: "failed", progress: 50, error: r.failWith };
  if (elapsed >= r.durationMs)
    return { status: "completed", progress: 100, completedAt: r.createdAt + r.durationMs };
  if (elapsed < r.durationMs * 0.2) return { status: "pending", progress: 0 };
  return {
    status: "processing",
    progress: Math.min(99, Math.max(1, Math.floor((elapsed / r.durationMs) * 100))),
  };
}

/** An ISO-BMFF file of exactly `size` bytes (ftyp, free, mdat): sniffs as MP4, not playable. */
export function placeholderMp4(renderId: string, size: number): Uint8Array<ArrayBuffer> {
  const ascii = (s: string) => new TextEncoder().encode(s);
  const box = (type: string, payload: Uint8Array) => {
    const out = new Uint8Array(8 + payload.length);
    new DataView(out.buffer).setUint32(0, out.length);
    out.set(ascii(type), 4);
    out.set(payload, 8);
    return out;
  };
  const ftyp = box("ftyp", ascii("isom\0\0\x02\0isomiso2mp41"));
  const free = box("free", ascii(`reelsmith fake render ${renderId}`));
  const mdatPayload = new Uint8Array(Math.max(0, size - ftyp.length - free.length - 8));
  for (let i = 0; i < mdatPayload.length; i++) mdatPayload[i] = (i * 31 + renderId.length) & 0xff;
  const file = new Uint8Array(ftyp.length + free.length + 8 + mdatPayload.length);
  file.set(ftyp, 0);
  file.set(free, ftyp.length);
  file.set(box("mdat", mdatPayload), ftyp.length + free.length);
  return file;
}
