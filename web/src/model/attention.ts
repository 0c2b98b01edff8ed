// What the editor asked the page to point at: the export button, the timeline summary, the upload area.
import { signal } from "@preact/signals";
import type { ChatAction } from "../../../core/chat-events.ts";

export const exportHighlighted = signal(false);
export const timelineRevealed = signal(false);
export const uploadHighlighted = signal(false);

/** Applies an `action` chat event; "edit" and "show-credits" need nothing beyond the reply itself. */
export function pointAt(action: ChatAction): void {
  if (action === "export") exportHighlighted.value = true;
  else if (action === "show-timeline") timelineRevealed.value = true;
  else if (action === "upload") uploadHighlighted.value = true;
}

export function clearAttention(): void {
  exportHighlighted.value = false;
  timelineRevealed.value = false;
  uploadHighlighted.value = false;
}
