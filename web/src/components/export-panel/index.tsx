// Step 4: the timeline, the Export button, render progress, then the preview (with its poster) and the download;
// an export made before the latest edits says so and offers to export again.
import { useEffect, useRef } from "preact/hooks";
import { exportHighlighted } from "../../model/attention.ts";
import { currentExport, exportError, exportRunning, startExport } from "../../model/exports.ts";
import { formatSize } from "../../model/format.ts";
import { t } from "../../model/i18n.ts";
import { chosenPreset } from "../../model/presets.ts";
import { project, ready } from "../../model/project.ts";
import { ErrorNote } from "../error-note/index.tsx";
import { ExportHistory } from "../export-history/index.tsx";
import { ProgressBar } from "../progress-bar/index.tsx";
import { ShareLink } from "../share-link/index.tsx";
import { Step } from "../step/index.tsx";
import { TimelineCard } from "../timeline-card/index.tsx";
import "./style.css";

/** The finished video sized by the preset's canvas, or an empty frame of that shape until there is one. */
function Result() {
  const exp = currentExport.value;
  const tr = t.value;
  const { width, height } = chosenPreset.value?.canvas ?? { width: 9, height: 16 };
  const box = {
    aspectRatio: `${width} / ${height}`,
    width: `min(100%, calc(var(--video-max-h) * ${width / height}))`,
  };
  if (exp?.status === "completed" && exp.downloadUrl) {
    return (
      <div class={`export-panel__result ${exp.outdated ? "is-outdated" : ""}`} data-outdated={exp.outdated}>
        {exp.outdated && (
          <p class="export-panel__outdated" role="status">
            <strong>{tr.outdated}</strong> {tr.outdatedHint}
          </p>
        )}
        <a
          class={`btn ${exp.outdated ? "" : "btn--primary"} export-panel__download`}
          href={exp.downloadUrl}
          download
        >
          {tr.download}
          <span class="export-panel__size">
            {[exp.duration ? tr.seconds(exp.duration) : "", exp.size ? formatSize(exp.size) : ""]
              .filter(Boolean)
              .join(" · ")}
          </span>
        </a>
        {/* biome-ignore lint/a11y/useMediaCaption: titles and captions are burned into the picture */}
        <video
          class="export-panel__video"
          style={box}
          src={exp.downloadUrl}
          poster={exp.coverUrl}
          controls
          playsInline
          preload="metadata"
        />
        <ShareLink exportId={exp.id} />
      </div>
    );
  }
  return (
    <div class="export-panel__frame" style={box}>
      <span class="export-panel__play" aria-hidden="true" />
      {tr.previewPlaceholder}
    </div>
  );
}

export function ExportPanel() {
  const button = useRef<HTMLButtonElement>(null);
  const exp = currentExport.value;
  const running = exportRunning.value;
  const done = exp?.status === "completed";
  const highlighted = exportHighlighted.value || (done && !!exp.outdated);
  const tr = t.value;

  useEffect(() => {
    if (exportHighlighted.value) button.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [exportHighlighted.value]);

  return (
    <Step n={4} title={tr.stepExport} class="export-panel">
      <TimelineCard />
      <button
        ref={button}
        type="button"
        class={`btn ${done && !exp.outdated ? "" : "btn--primary"} export-panel__button ${highlighted ? "is-highlighted" : ""}`}
        disabled={!project.value || !ready.value || running}
        onClick={startExport}
      >
        {done ? tr.exportAgain : tr.exportButton}
      </button>
      <p class="export-panel__hint">{ready.value ? tr.exportReadyHint : tr.exportNotReady}</p>
      {exportError.value && <ErrorNote error={exportError.value} onRetry={startExport} />}
      {exp && exp.status !== "completed" && (
        <div class="export-panel__progress" data-status={exp.status}>
          <div class="export-panel__progress-line">
            <span>{tr.exportStatus[exp.status]}</span>
            {exp.status !== "failed" && <span>{exp.progress}%</span>}
          </div>
          <ProgressBar
            value={exp.progress / 100}
            label={tr.exportStatus[exp.status]}
            tone={exp.status === "failed" ? "danger" : "accent"}
          />
          {exp.status === "failed" && exp.error && <ErrorNote error={exp.error} />}
        </div>
      )}
      <Result />
      <ExportHistory />
    </Step>
  );
}
