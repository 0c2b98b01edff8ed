// Start-up and moving between projects: a share link picks a preset and a prompt; otherwise the last project
// reopens (following a reply still running); "new project" and the project list never drop one silently.
import { effect } from "@preact/signals";
import { ApiError } from "./api.ts";
import { clearAttention } from "./attention.ts";
import { composerText, resetChat, resumeTurn, showTranscript } from "./chat.ts";
import { resetExports, showExports } from "./exports.ts";
import { t } from "./i18n.ts";
import { chosenPreset, chosenPresetId, loadPresets, presets } from "./presets.ts";
import {
  closeProject,
  fetchProject,
  project,
  requestedTitle,
  savedProjectId,
  showProject,
} from "./project.ts";
import { leftProject, listOpen, loadProjects } from "./projects.ts";
import { readShareLink, sharedToken } from "./share-link.ts";
import { resetUploads, showUploads } from "./uploads.ts";

export async function boot(): Promise<void> {
  if (sharedToken()) return;
  effect(() => {
    document.title = project.value ? `${project.value.title} · ${t.value.docTitle}` : t.value.docTitle;
  });
  const presetsLoaded = loadPresets();
  const share = readShareLink();
  if (share) {
    chosenPresetId.value = share.preset;
    composerText.value = share.prompt;
    requestedTitle.value = share.title;
  } else {
    const id = savedProjectId();
    if (id) await reopen(id);
  }
  await presetsLoaded;
  if (presets.value.length > 0 && !chosenPreset.value) chosenPresetId.value = null;
}

async function reopen(id: string): Promise<void> {
  try {
    const d = await fetchProject(id);
    showProject(d);
    showTranscript(d.transcript);
    showUploads(d.uploads);
    showExports(d.exports);
    if (d.project.busy) resumeTurn(d.project.id);
  } catch (e) {
    // Deleted meanwhile: start fresh. Any other failure keeps it for the next reload.
    if (e instanceof ApiError && e.status === 404) closeProject();
  }
}

function clearWorkspace(): void {
  closeProject();
  resetChat();
  resetUploads();
  resetExports();
  clearAttention();
  chosenPresetId.value = null;
  composerText.value = "";
}

/** Leaves the open project (it stays in the project list, and a note says so) for a fresh one. */
export function startOver(): void {
  leftProject.value = project.value?.title ?? null;
  clearWorkspace();
  loadProjects().catch(() => {});
}

/** Opens a project from the list in place of the open one (which stays in the list). */
export async function openProject(id: string): Promise<void> {
  listOpen.value = false;
  leftProject.value = null;
  if (project.value?.id === id) return;
  clearWorkspace();
  await reopen(id);
}

/** After the open project was deleted from the list. */
export function projectDeleted(id: string): void {
  if (project.value?.id === id) clearWorkspace();
}
