// The project's latest export: start it, poll its progress until it completes or fails.
import { computed, signal } from "@preact/signals";
import { ApiError, getJson } from "./api.ts";
import type { ErrorInfo, ExportInfo } from "./api-types.ts";
import { exportHighlighted } from "./attention.ts";
import { ensureProject } from "./project.ts";

const POLL_MS = 1500;

export const currentExport = signal<ExportInfo | null>(null);
export const exportError = signal<ErrorInfo | null>(null);
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
    track(await getJson<ExportInfo>(`/api/projects/${id}/exports`, { json: {} }));
  } catch (e) {
    exportError.value = (e instanceof ApiError ? e : ApiError.network()).info();
  } finally {
    starting.value = false;
  }
}

/** Shows an export and polls it while it runs (also one started from the chat by saying "export"). */
export function track(exp: ExportInfo): void {
  clearTimeout(timer);
  exportHighlighted.value = false;
  currentExport.value = exp;
  if (exp.status === "pending" || exp.status === "processing")
    timer = setTimeout(() => poll(exp.id), POLL_MS);
}

async function poll(id: string): Promise<void> {
  try {
    const exp = await getJson<ExportInfo>(`/api/exports/${id}`);
    if (currentExport.value?.id === id) track(exp);
  } catch {
    // The render goes on server-side whatever the network does; keep asking.
    if (currentExport.value?.id === id) timer = setTimeout(() => poll(id), POLL_MS * 2);
  }
}

export function resetExports(): void {
  clearTimeout(timer);
  currentExport.value = null;
  exportError.value = null;
}
