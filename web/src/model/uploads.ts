// The files of the open project: each with its own progress and error; retry resumes, and chat waits for them.
import { computed, type Signal, signal } from "@preact/signals";
import { ApiError, type ErrorInfo, type UploadView } from "./api.ts";
import { uploadHighlighted } from "./attention.ts";
import {
  completeUpload,
  deleteUpload,
  forgetUpload,
  resumableId,
  sendParts,
  untilHandedOver,
} from "./multipart.ts";
import { ensureProject, project } from "./project.ts";
import { makeThumbnail } from "./thumbnails.ts";

export type UploadState = "queued" | "uploading" | "processing" | "done" | "failed";

export interface UploadItem {
  name: string;
  size: number;
  /** null for an upload listed by the server after a reload: picking the file again resumes it */
  file: File | null;
  /** the server's id, known for uploads listed after a reload */
  serverId: string | null;
  state: Signal<UploadState>;
  progress: Signal<number>;
  error: Signal<ErrorInfo | null>;
  /** false when trying again cannot help (the file itself was refused) */
  retryable: Signal<boolean>;
  /** a preview made in the browser (photos, a frame of a video); null until made, or for audio */
  thumb: Signal<string | null>;
}

export const uploads = signal<UploadItem[]>([]);
export const uploadsBusy = computed(() =>
  uploads.value.some(
    (u) => u.state.value === "queued" || u.state.value === "uploading" || u.state.value === "processing",
  ),
);

function item(
  name: string,
  size: number,
  file: File | null,
  state: UploadState,
  serverId: string | null = null,
): UploadItem {
  return {
    name,
    size,
    file,
    serverId,
    state: signal(state),
    progress: signal(state === "done" ? 1 : 0),
    error: signal(null),
    retryable: signal(true),
    thumb: signal(null),
  };
}

/**
 * Completions are queued one at a time in the order files were added: the editor receives media in the order
 * the user dropped it (clip order follows), while parts of every file still upload in parallel.
 */
let lastTurn: Promise<void> = Promise.resolve();
function reserveTurn(): { ready: Promise<void>; release: () => void } {
  const ready = lastTurn;
  let release!: () => void;
  lastTurn = new Promise((r) => {
    release = r;
  });
  return { ready, release };
}

async function run(u: UploadItem): Promise<void> {
  if (!u.file) return;
  const turn = reserveTurn();
  u.state.value = "uploading";
  u.error.value = null;
  try {
    const projectId = await ensureProject();
    const up = await sendParts(projectId, u.file, (f) => {
      u.progress.value = f;
    });
    u.state.value = "processing";
    await turn.ready;
    const queued = up.state === "ready" ? null : await completeUpload(up.id);
    turn.release();
    if (queued) await untilHandedOver(queued);
    forgetUpload(projectId, u.file);
    u.state.value = "done";
  } catch (e) {
    const err = e instanceof ApiError ? e : ApiError.network();
    u.error.value = err.info();
    u.retryable.value = err.transient;
    u.state.value = "failed";
  } finally {
    turn.release();
  }
}

/** Adds picked or dropped files; a file matching an interrupted upload in the list resumes it. */
export function addFiles(files: Iterable<File>): void {
  uploadHighlighted.value = false;
  const list = [...uploads.value];
  for (const file of files) {
    const i = list.findIndex(
      (u) => u.state.value === "failed" && u.name === file.name && u.size === file.size,
    );
    const u = item(file.name, file.size, file, "queued");
    if (i >= 0) list[i] = u;
    else list.push(u);
    makeThumbnail(file).then((url) => {
      u.thumb.value = url;
    });
    run(u);
  }
  uploads.value = list;
}

export function retryUpload(u: UploadItem): void {
  run(u);
}

export function removeUpload(u: UploadItem): void {
  uploads.value = uploads.value.filter((x) => x !== u);
  forgetThumb(u);
  const projectId = project.value?.id;
  const id = u.serverId ?? (u.file && projectId ? resumableId(projectId, u.file) : undefined);
  if (u.file && projectId) forgetUpload(projectId, u.file);
  if (id) deleteUpload(id);
}

/** Resolves once no file is uploading, so a message is sent after the media it talks about. */
export function uploadsSettled(): Promise<void> {
  if (!uploadsBusy.value) return Promise.resolve();
  return new Promise((resolve) => {
    const stop = uploadsBusy.subscribe((busy) => {
      if (!busy) {
        queueMicrotask(() => stop());
        resolve();
      }
    });
  });
}

/** Finishes an upload whose parts were all stored before a reload. */
async function finish(u: UploadItem, id: string): Promise<void> {
  try {
    await untilHandedOver(await completeUpload(id));
    u.state.value = "done";
  } catch (e) {
    u.error.value = (e instanceof ApiError ? e : ApiError.network()).info();
    u.state.value = "failed";
  }
}

/** The uploads a project lists after a reload; ones cut off mid-way wait for their file to be picked again. */
export function showUploads(list: UploadView[] = []): void {
  uploads.value = list.map((x) => {
    const state =
      x.state === "ready" ? "done" : x.state === "stored" || x.state === "sent" ? "processing" : "failed";
    const u = item(x.name, x.size, null, state, x.id);
    if (state === "processing") finish(u, x.id);
    if (x.error) u.error.value = x.error;
    u.retryable.value = x.state === "uploading";
    return u;
  });
}

const forgetThumb = (u: UploadItem) => {
  if (u.thumb.value) URL.revokeObjectURL(u.thumb.value);
};

export function resetUploads(): void {
  for (const u of uploads.value) forgetThumb(u);
  uploads.value = [];
}
