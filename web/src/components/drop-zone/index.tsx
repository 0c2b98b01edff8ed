// Step 2: drop or pick photos, clips and music; each file uploads in parts with its own progress.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import { uploadHighlighted } from "../../model/attention.ts";
import { t } from "../../model/i18n.ts";
import { chosenPresetId } from "../../model/presets.ts";
import { addFiles, uploads } from "../../model/uploads.ts";
import { Step } from "../step/index.tsx";
import { UploadRow } from "../upload-row/index.tsx";
import "./style.css";

export function DropZone() {
  const dragging = useSignal(false);
  const zone = useRef<HTMLLabelElement>(null);
  const enabled = chosenPresetId.value !== null;
  const highlighted = uploadHighlighted.value;

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
    <Step n={2} title={t.value.stepMedia} class="drop-zone">
      <label
        ref={zone}
        class={classes.filter(Boolean).join(" ")}
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
        <input
          type="file"
          multiple
          accept="image/*,video/*,audio/*"
          disabled={!enabled}
          class="visually-hidden"
          onChange={(e) => {
            const input = e.currentTarget;
            if (input.files) addFiles(input.files);
            input.value = "";
          }}
        />
        <span class="drop__icon" aria-hidden="true" />
        <span class="drop__title">{t.value.dropHere}</span>
        <span class="drop__browse">{t.value.orBrowse}</span>
        <span class="drop__hint">{enabled ? t.value.dropHint : t.value.pickPresetFirst}</span>
      </label>
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
