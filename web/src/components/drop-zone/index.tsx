// Step 2: drop or pick photos, clips and music (the zone is a button: Space or Enter opens the picker); each file
// uploads in parts with its own progress, up to the limit of the editor behind this deployment.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { whoseLimit } from "../../../../core/upload-limits.ts";
import { uploadHighlighted } from "../../model/attention.ts";
import { formatSize } from "../../model/format.ts";
import { lang, t } from "../../model/i18n.ts";
import { chosenPreset } from "../../model/presets.ts";
import { addFiles, uploads } from "../../model/uploads.ts";
import { Step } from "../step/index.tsx";
import { UploadRow } from "../upload-row/index.tsx";
import "./style.css";

export function DropZone() {
  const dragging = useSignal(false);
  const zone = useRef<HTMLButtonElement>(null);
  const picker = useRef<HTMLInputElement>(null);
  const preset = chosenPreset.value;
  const enabled = preset !== null;
  const highlighted = uploadHighlighted.value;
  const tr = t.value;
  const limit = preset?.uploadLimit;

  useEffect(() => {
    if (highlighted) zone.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [highlighted]);

  const classes = [
    "drop",
    dragging.value && "is-dragging",
    highlighted && "is-highlighted",
    !enabled && "is-disabled",
  ];
  return (
    <Step n={2} title={tr.stepMedia} class="drop-zone">
      <input
        ref={picker}
        type="file"
        multiple
        accept="image/*,video/*,audio/*"
        disabled={!enabled}
        tabIndex={-1}
        aria-hidden="true"
        class="visually-hidden"
        onChange={(e) => {
          const input = e.currentTarget;
          if (input.files) addFiles(input.files);
          input.value = "";
        }}
      />
      <button
        ref={zone}
        type="button"
        class={classes.filter(Boolean).join(" ")}
        disabled={!enabled}
        aria-describedby="drop-hint"
        onClick={() => picker.current?.click()}
        onDragOver={(e) => {
          e.preventDefault();
          if (enabled) dragging.value = true;
        }}
        onDragLeave={() => {
          dragging.value = false;
        }}
        onDrop={(e) => {
          e.preventDefault();
          dragging.value = false;
          if (enabled && e.dataTransfer) addFiles(e.dataTransfer.files);
        }}
      >
        <span class="drop__icon" aria-hidden="true" />
        <span class="drop__title">{tr.dropHere}</span>
        <span class="drop__browse">{tr.orBrowse}</span>
        <span class="drop__hint" id="drop-hint">
          {enabled ? tr.dropHint : tr.pickPresetFirst}
          {limit && (
            <span class="drop__limit">
              {tr.dropLimit(formatSize(limit.bytes), whoseLimit(limit.by, lang.value))}
            </span>
          )}
        </span>
      </button>
      {uploads.value.length > 0 && (
        <ul class="drop-zone__list">
          {uploads.value.map((u, i) => (
            <UploadRow key={`${u.name}/${i}`} upload={u} />
          ))}
        </ul>
      )}
    </Step>
  );
}
