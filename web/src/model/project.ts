// The open project: created on first need with the chosen preset, remembered across reloads, with its timeline summary.
import { signal } from "@preact/signals";
import { getJson } from "./api.ts";
import type { ProjectDetails, ProjectInfo } from "./api-types.ts";
import { lang } from "./i18n.ts";
import { chosenPresetId } from "./presets.ts";
import { leaveShareLink } from "./share-link.ts";

const STORE_KEY = "reelsmith.project";

export const project = signal<ProjectInfo | null>(null);
/** the one-line timeline summary and whether there is anything to export */
export const summary = signal("");
export const ready = signal(false);
/** a title asked for by a share link, used when the project is created */
export const requestedTitle = signal("");

let creating: Promise<ProjectInfo> | null = null;

/** The open project's id, creating the project with the chosen preset if there is none yet. */
export async function ensureProject(): Promise<string> {
  if (project.value) return project.value.id;
  creating ??= getJson<ProjectInfo>("/api/projects", {
    json: { preset: chosenPresetId.value, language: lang.value, title: requestedTitle.value || undefined },
  })
    .then((p) => {
      project.value = p;
      localStorage.setItem(STORE_KEY, p.id);
      leaveShareLink();
      return p;
    })
    .finally(() => {
      creating = null;
    });
  return (await creating).id;
}

export const savedProjectId = () => localStorage.getItem(STORE_KEY);

export function fetchProject(id: string): Promise<ProjectDetails> {
  return getJson<ProjectDetails>(`/api/projects/${encodeURIComponent(id)}`);
}

/** Shows a project read from the API. */
export function showProject(d: ProjectDetails): void {
  project.value = d.project;
  chosenPresetId.value = d.project.preset;
  summary.value = d.summary;
  ready.value = d.ready;
}

/** Re-reads the summary and ready flag after an edit. */
export async function refreshProject(): Promise<void> {
  const id = project.value?.id;
  if (!id) return;
  const d = await fetchProject(id).catch(() => null);
  if (d && project.value?.id === id) {
    summary.value = d.summary;
    ready.value = d.ready;
  }
}

export function closeProject(): void {
  project.value = null;
  summary.value = "";
  ready.value = false;
  requestedTitle.value = "";
  localStorage.removeItem(STORE_KEY);
}
