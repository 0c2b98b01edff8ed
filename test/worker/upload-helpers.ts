// Upload-test helpers: generated media bytes, the part protocol as a client speaks it, R2 and DO access by user.
import { env } from "cloudflare:test";
import { vi } from "vitest";
import type { Client } from "./helpers.ts";

export const MiB = 1024 * 1024;

/** Bytes over a plain ArrayBuffer, as request bodies and digests want them. */
export type Bytes = Uint8Array<ArrayBuffer>;

/** A parsed JSON body, read as loosely as the tests' other JSON helpers read it. */
export type Json = ReturnType<typeof JSON.parse>;

/** Deterministic bytes of `size` starting with an ISO-BMFF `ftyp` box, so they sniff as MP4. */
export function mp4Bytes(size: number, seed = 1): Bytes {
  const b = new Uint8Array(size);
  let x = seed >>> 0 || 1;
  for (let i = 0; i < size; i += 4) {
    x ^= x << 13;
    x ^= x >>> 17;
    x ^= x << 5;
    b[i] = x & 0xff;
    b[i + 1] = (x >>> 8) & 0xff;
    b[i + 2] = (x >>> 16) & 0xff;
    b[i + 3] = (x >>> 24) & 0xff;
  }
  b.set([0, 0, 0, 0x20, ...new TextEncoder().encode("ftypisom")]);
  return b;
}

/** A PNG signature and IHDR of the given size, padded to `size` bytes. */
export function pngBytes(width = 640, height = 480, size = 1024): Bytes {
  const b = new Uint8Array(size);
  b.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13, 0x49, 0x48, 0x44, 0x52]);
  new DataView(b.buffer).setUint32(16, width);
  new DataView(b.buffer).setUint32(20, height);
  return b;
}

export const jpegBytes = (size = 2048): Bytes => {
  const b = new Uint8Array(size);
  b.set([0xff, 0xd8, 0xff, 0xe0]);
  return b;
};

export interface Plan {
  id: string;
  partSize: number;
  partCount: number;
}

export async function startUpload(
  user: Client,
  projectId: string,
  file: { name: string; size: number; type?: string },
) {
  return user.json(`/api/projects/${projectId}/uploads`, { type: "video/mp4", ...file });
}

/** Bytes of part `n` (1-based) of `data` under `plan`. */
export const slice = (data: Bytes, plan: Plan, n: number) =>
  data.subarray((n - 1) * plan.partSize, Math.min(n * plan.partSize, data.length));

export function putPart(
  user: Client,
  id: string,
  n: number,
  bytes: Bytes,
  headers: Record<string, string> = {},
) {
  return user(`/api/uploads/${id}/parts/${n}`, { method: "PUT", body: bytes, headers });
}

export async function putPartJson(user: Client, id: string, n: number, bytes: Bytes) {
  const res = await putPart(user, id, n, bytes);
  return { status: res.status, body: (await res.json()) as Json };
}

/** Reads the upload until its hand-off to the editor has ended (no longer `sent`). */
export async function settled(user: Client, id: string) {
  for (let i = 0; i < 200; i++) {
    const up = await user.json(`/api/uploads/${id}`);
    if (up.body.state !== "sent") return up;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`upload ${id} still being handed over`);
}

/**
 * Plans, sends every part (in the given order, or all at once) and completes; `queued` is complete's answer,
 * `done` the upload once the editor has it (or refused it).
 */
export async function uploadFile(
  user: Client,
  projectId: string,
  data: Bytes,
  opts: { name?: string; type?: string; order?: number[] | "parallel" } = {},
) {
  const plan = await startUpload(user, projectId, {
    name: opts.name ?? "clip.mp4",
    size: data.length,
    type: opts.type,
  });
  if (plan.status !== 201) throw new Error(`plan: ${plan.status} ${JSON.stringify(plan.body)}`);
  const { id, partCount } = plan.body;
  const all = Array.from({ length: partCount }, (_, i) => i + 1);
  const send = async (n: number) => {
    const r = await putPartJson(user, id, n, slice(data, plan.body, n));
    if (r.status !== 200) throw new Error(`part ${n}: ${r.status} ${JSON.stringify(r.body)}`);
  };
  if (opts.order === "parallel") await Promise.all(all.map(send));
  else for (const n of opts.order ?? all) await send(n);
  const queued = await user.json(`/api/uploads/${id}/complete`, {});
  if (queued.status !== 202) throw new Error(`complete: ${queued.status} ${JSON.stringify(queued.body)}`);
  return { plan: plan.body, queued, done: await settled(user, id) };
}

export async function userIdOf(user: Client): Promise<string> {
  return (await user.json<{ userId: string }>("/api/me")).body.userId;
}

export const objectKeyOf = (userId: string, uploadId: string) => `uploads/${userId}/${uploadId}`;

export async function sha256(data: ArrayBuffer | Bytes): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", data);
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("");
}

export async function storedBytes(userId: string, uploadId: string): Promise<ArrayBuffer | null> {
  const obj = await env.MEDIA.get(objectKeyOf(userId, uploadId));
  return obj ? obj.arrayBuffer() : null;
}

export const userStub = (userId: string) => env.USER_DO.get(env.USER_DO.idFromName(userId));

/** The media link the upstream was handed last. */
export function lastUploadUrl(requests: { endpoint: string | null; body?: unknown }[]): string {
  const upload = requests.filter((r) => r.endpoint === "upload").at(-1);
  if (!upload) throw new Error("the upstream got no upload");
  return (upload.body as { urls: string[] }).urls[0];
}

/** Serves `routes` (exact URLs → response factories) to the Worker's outbound fetch; everything else passes. */
export function serveRemote(routes: Record<string, () => Response>) {
  const real = globalThis.fetch;
  return vi.spyOn(globalThis, "fetch").mockImplementation(async (input, init) => {
    const url = new Request(input as RequestInfo, init).url;
    const route = routes[url];
    return route ? route() : real(input as RequestInfo, init);
  });
}
