// The renderer's public surface for the engine server.

export { type MediaProbe, probeMedia } from "./probe.ts";
export { renderDraft } from "./render-draft.ts";
export { type RenderJob, RenderQueue, type RenderQueueOptions, type RenderStatus } from "./render-queue.ts";
export { RenderAbortedError, RenderError } from "./run-ffmpeg.ts";
export { SYNTH_MOODS } from "./synth-music.ts";
