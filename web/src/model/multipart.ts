// Sends one file through the multipart upload API: parts in parallel, each retried, resumable from the parts the server has.

import { ApiError, getJson, langHeaders } from "./api.ts";
import type { UploadInfo } from "./api-types.ts";

/** Parts in flight across all files: enough to fill a phone's uplink, few enough to retry cheaply. */
const PARALLEL_PARTS = 4;
const PART_TRIES = 4;
const RESUME_KEY = "reelsmith.uploads";

type UploadIds = Record<string, string>;
const savedIds = (): UploadIds => JSON.parse(localStorage.getItem(RESUME_KEY) ?? "{}") as UploadIds;
function remember(key: string, id: string | null): void {
  const all = savedIds();
  if (id) all[key] = id;
  else delete all[key];
  localStorage.setItem(RESUME_KEY, JSON.stringify(all));
}

/** The same file picked again in the same project resumes the same upload. */
const resumeKey = (projectId: string, f: File) => `${projectId}/${f.name}/${f.size}/${f.lastModified}`;

let freeSlots = PARALLEL_PARTS;
const waiting: (() => void)[] = [];
async function withSlot<T>(job: () => Promise<T>): Promise<T> {
  if (freeSlots === 0) await new Promise<void>((r) => waiting.push(r));
  else freeSlots--;
  try {
    return await job();
  } finally {
    const next = waiting.shift();
    if (next) next();
    else freeSlots++;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The upload to continue for this file: the remembered one unless it failed, else a new one. */
async function openUpload(projectId: string, file: File): Promise<UploadInfo> {
  const key = resumeKey(projectId, file);
  const known = savedIds()[key];
  if (known) {
    const up = await getJson<UploadInfo>(`/api/uploads/${known}`).catch(() => null);
    if (up && up.state !== "failed") return up;
  }
  const plan = await getJson<Pick<UploadInfo, "id" | "partSize" | "partCount">>(
    `/api/projects/${projectId}/uploads`,
    {
      json: { name: file.name, size: file.size, type: file.type },
    },
  );
  remember(key, plan.id);
  return { ...plan, name: file.name, size: file.size, state: "uploading", parts: [] };
}

/** One PUT with upload progress (fetch reports none); rejects with ApiError. */
function putPart(url: string, body: Blob, onSent: (bytes: number) => void): Promise<void> {
  return new Promise((resolve, reject) => {
    const xhr = new XMLHttpRequest();
    xhr.open("PUT", url);
    for (const [k, v] of Object.entries(langHeaders())) xhr.setRequestHeader(k, v);
    xhr.upload.onprogress = (e) => onSent(e.loaded);
    xhr.onload = () => {
      if (xhr.status >= 200 && xhr.status < 300) return resolve();
      ApiError.of(new Response(xhr.responseText, { status: xhr.status })).then(reject);
    };
    xhr.onerror = xhr.ontimeout = () => reject(ApiError.network());
    xhr.send(body);
  });
}

async function sendPart(
  uploadId: string,
  n: number,
  body: Blob,
  onSent: (bytes: number) => void,
): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      return await withSlot(() => putPart(`/api/uploads/${uploadId}/parts/${n}`, body, onSent));
    } catch (err) {
      onSent(0);
      if (!(err instanceof ApiError) || !err.transient || attempt >= PART_TRIES) throw err;
      await sleep(500 * 2 ** attempt);
    }
  }
}

/** Sends the parts of `file` the server lacks; `onProgress` gets the fraction of bytes it has. */
export async function sendParts(
  projectId: string,
  file: File,
  onProgress: (fraction: number) => void,
): Promise<UploadInfo> {
  const up = await openUpload(projectId, file);
  if (up.state === "uploading") {
    const range = (n: number) => [(n - 1) * up.partSize, Math.min(n * up.partSize, file.size)] as const;
    const sent = new Map(up.parts.map((n) => [n, range(n)[1] - range(n)[0]]));
    const report = () => onProgress([...sent.values()].reduce((a, b) => a + b, 0) / file.size);
    report();
    const stored = new Set(up.parts);
    const missing = Array.from({ length: up.partCount }, (_, i) => i + 1).filter((n) => !stored.has(n));
    await Promise.all(
      missing.map((n) =>
        sendPart(up.id, n, file.slice(...range(n)), (bytes) => {
          sent.set(n, bytes);
          report();
        }),
      ),
    );
  }
  onProgress(1);
  return up;
}

/** Assembles an upload whose parts are all stored and hands it to the editor; calling it again joins the first call. */
export function completeUpload(id: string): Promise<UploadInfo> {
  return getJson<UploadInfo>(`/api/uploads/${id}/complete`, { method: "POST" });
}

/** The id of the upload that picking `file` again would resume, if any. */
export const resumableId = (projectId: string, file: File): string | undefined =>
  savedIds()[resumeKey(projectId, file)];

export function forgetUpload(projectId: string, file: File): void {
  remember(resumeKey(projectId, file), null);
}

/** Aborts an upload and frees its stored parts. */
export async function deleteUpload(id: string): Promise<void> {
  await fetch(`/api/uploads/${id}`, { method: "DELETE", headers: langHeaders() }).catch(() => {});
}
