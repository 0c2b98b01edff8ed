// Sends one file through the multipart upload API: parts in parallel, each retried, resumable from the parts the server has.

import { ApiError, api, call, langHeaders, type UploadView } from "./api.ts";

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
/** An upload as far as sending parts needs it: the plan, what is stored, and its state. */
type Sending = Pick<UploadView, "id" | "partSize" | "partCount" | "parts" | "state">;

async function openUpload(projectId: string, file: File): Promise<Sending> {
  const key = resumeKey(projectId, file);
  const known = savedIds()[key];
  if (known) {
    const up = await call(api.uploads[":id"].$get({ param: { id: known } })).catch(() => null);
    if (up && up.state !== "failed") return up;
  }
  const plan = await call(
    api.projects[":id"].uploads.$post({
      param: { id: projectId },
      json: { name: file.name, size: file.size, type: file.type },
    }),
  );
  remember(key, plan.id);
  return { ...plan, state: "uploading", parts: [] };
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
      const url = api.uploads[":id"].parts[":n"].$url({ param: { id: uploadId, n: String(n) } });
      return await withSlot(() => putPart(url.href, body, onSent));
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
): Promise<Sending> {
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

/** Assembles an upload whose parts are all stored and queues it for the editor; answers at once (`sent`). */
export function completeUpload(id: string): Promise<UploadView> {
  return call(api.uploads[":id"].complete.$post({ param: { id } }));
}

/** Reads a few failed polls in a row as a passing hiccup before giving up. */
const POLL_TRIES = 5;

/**
 * Reads the upload until the editor has measured it (`ready`); rejects with why it could not take it: `failed` is
 * final, `stored` with an error means the editor stayed unavailable and completing again may work.
 */
export async function untilHandedOver(first: UploadView): Promise<UploadView> {
  let up = first;
  for (let wait = 250, misses = 0; up.state === "sent"; wait = Math.min(wait * 1.5, 2000)) {
    await sleep(wait);
    try {
      up = await call(api.uploads[":id"].$get({ param: { id: up.id } }));
      misses = 0;
    } catch (e) {
      if (!(e instanceof ApiError) || !e.transient || ++misses >= POLL_TRIES) throw e;
    }
  }
  if (up.state === "ready") return up;
  if (up.error) throw new ApiError(up.state === "failed" ? 422 : 503, up.error);
  throw ApiError.network();
}

/** The id of the upload that picking `file` again would resume, if any. */
export const resumableId = (projectId: string, file: File): string | undefined =>
  savedIds()[resumeKey(projectId, file)];

export function forgetUpload(projectId: string, file: File): void {
  remember(resumeKey(projectId, file), null);
}

/** Aborts an upload and frees its stored parts. */
export async function deleteUpload(id: string): Promise<void> {
  await call(api.uploads[":id"].$delete({ param: { id } })).catch(() => {});
}
