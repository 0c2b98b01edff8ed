// The project's exports: start one, poll it until it completes or fails, earlier ones listed, share links.
import { computed, signal } from "@preact/signals";
import { ApiError, api, call, type ErrorInfo, type ExportView } from "./api.ts";
import { exportHighlighted } from "./attention.ts";
import { ensureProject } from "./project.ts";

const POLL_MS = 1500;

/** newest first */
/** An export as the page knows it: in full once read, or just started (from the chat: id, status, progress). */
export type TrackedExport = Pick<ExportView, "id" | "status" | "progress"> & Partial<ExportView>;

export const exportList = signal<TrackedExport[]>([]);
export const currentExport = computed<TrackedExport | null>(() => exportList.value[0] ?? null);
/** finished exports before the current one */
export const pastExports = computed(() =>
  exportList.value.slice(1).filter((e) => e.status === "completed" && e.downloadUrl),
);
export const exportError = signal<ErrorInfo | null>(null);
/** share links made in this visit, by export id */
export const shareLinks = signal<Record<string, string>>({});
const starting = signal(false);
export const exportRunning = computed(
  () =>
    starting.value ||
    currentExport.value?.status === "pending" ||
    currentExport.value?.status === "processing",
);

let timer: ReturnType<typeof setTimeout> | undefined;

export async function startExport(): Promise<void> {
  if (exportRunning.value) return;
  starting.value = true;
  exportError.value = null;
  exportHighlighted.value = false;
  try {
    const id = await ensureProject();
    track(await call(api.projects[":id"].exports.$post({ param: { id }, header: {}, json: {} })));
  } catch (e) {
    exportError.value = (e instanceof ApiError ? e : ApiError.network()).info();
  } finally {
    starting.value = false;
  }
}

/** Shows an export (also one started from the chat by saying "export") and polls it while it runs. */
export function track(exp: TrackedExport): void {
  clearTimeout(timer);
  exportHighlighted.value = false;
  const others = exportList.value.filter((e) => e.id !== exp.id);
  const known = exportList.value.find((e) => e.id === exp.id);
  exportList.value = known
    ? exportList.value.map((e) => (e.id === exp.id ? { ...known, ...exp } : e))
    : [exp, ...others];
  if (exp.status === "pending" || exp.status === "processing")
    timer = setTimeout(() => poll(exp.id), POLL_MS);
}

async function poll(id: string): Promise<void> {
  try {
    track(await call(api.exports[":id"].$get({ param: { id } })));
  } catch {
    // The render goes on server-side whatever the network does; keep asking.
    if (currentExport.value?.id === id) timer = setTimeout(() => poll(id), POLL_MS * 2);
  }
}

/** The project's exports as the server lists them (after a reload, or an edit that made some outdated). */
export function showExports(list: ExportView[]): void {
  clearTimeout(timer);
  exportList.value = [];
  for (const exp of [...list].reverse()) track(exp);
}

/** A public link to one finished export (made once per visit). */
export async function shareExport(id: string): Promise<void> {
  if (shareLinks.value[id]) return;
  try {
    const { url } = await call(api.exports[":id"].share.$post({ param: { id } }));
    shareLinks.value = { ...shareLinks.value, [id]: url };
  } catch (e) {
    exportError.value = (e instanceof ApiError ? e : ApiError.network()).info();
  }
}

export function resetExports(): void {
  clearTimeout(timer);
  exportList.value = [];
  exportError.value = null;
}
