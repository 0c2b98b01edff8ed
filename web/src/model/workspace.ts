// Start-up and starting over: a share link picks a preset and a prompt; otherwise the last project reopens.
import { ApiError } from "./api.ts";
import { clearAttention } from "./attention.ts";
import { composerText, resetChat, showTranscript } from "./chat.ts";
import { resetExports, track } from "./exports.ts";
import { chosenPreset, chosenPresetId, loadPresets, presets } from "./presets.ts";
import { closeProject, fetchProject, requestedTitle, savedProjectId, showProject } from "./project.ts";
import { readShareLink } from "./share-link.ts";
import { resetUploads, showUploads } from "./uploads.ts";

export async function boot(): Promise<void> {
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
    if (d.exports[0]) track(d.exports[0]);
  } catch (e) {
    // Deleted meanwhile: start fresh. Any other failure keeps it for the next reload.
    if (e instanceof ApiError && e.status === 404) closeProject();
  }
}

/** Leaves the open project (it stays on the server) for a fresh one. */
export function startOver(): void {
  closeProject();
  resetChat();
  resetUploads();
  resetExports();
  clearAttention();
  chosenPresetId.value = null;
  composerText.value = "";
}
