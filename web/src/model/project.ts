// The open project: created on first need with the chosen preset, remembered across reloads, with its timeline.
import { signal } from "@preact/signals";
import type { TimelineView } from "../../../core/timeline-view.ts";
import { api, call, type ProjectDetails, type ProjectView } from "./api.ts";
import { lang } from "./i18n.ts";
import { chosenPresetId } from "./presets.ts";
import { leaveShareLink } from "./share-link.ts";

const STORE_KEY = "reelsmith.project";
const EMPTY: TimelineView = { duration: 0, lanes: [] };

export const project = signal<ProjectView | null>(null);
/** the timeline as lanes, and whether there is anything to export */
export const timeline = signal<TimelineView>(EMPTY);
export const ready = signal(false);
/** a title asked for by a share link, used when the project is created */
export const requestedTitle = signal("");

let creating: Promise<ProjectView> | null = null;

/** The open project's id, creating the project with the chosen preset if there is none yet. */
export async function ensureProject(): Promise<string> {
  if (project.value) return project.value.id;
  creating ??= call(
    api.projects.$post({
      json: {
        preset: chosenPresetId.value ?? "",
        language: lang.value,
        title: requestedTitle.value || undefined,
      },
    }),
  )
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
  return call(api.projects[":id"].$get({ param: { id } }));
}

/** Shows a project read from the API; the platform follows the project's (the editor may have changed it). */
export function showProject(d: ProjectDetails): void {
  project.value = d.project;
  localStorage.setItem(STORE_KEY, d.project.id);
  chosenPresetId.value = d.project.preset;
  timeline.value = d.timeline;
  ready.value = d.ready;
}

/** Re-reads the project after an edit: its timeline, ready flag, platform and title. */
export async function refreshProject(): Promise<ProjectDetails | null> {
  const id = project.value?.id;
  if (!id) return null;
  const d = await fetchProject(id).catch(() => null);
  if (!d || project.value?.id !== id) return null;
  showProject(d);
  return d;
}

export function closeProject(): void {
  project.value = null;
  timeline.value = EMPTY;
  ready.value = false;
  requestedTitle.value = "";
  localStorage.removeItem(STORE_KEY);
}
