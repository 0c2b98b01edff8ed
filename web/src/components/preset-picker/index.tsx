// Step 1: the platform preset; fixed once the project exists (start a new project to change it).
import type { Preset } from "../../model/api.ts";
import { lang, t } from "../../model/i18n.ts";
import { aspectOf, chosenPreset, chosenPresetId, presets, presetsFailed } from "../../model/presets.ts";
import { project } from "../../model/project.ts";
import { Step } from "../step/index.tsx";
import "./style.css";

/** A small outline of the canvas: tall for 9:16, wide for 16:9, dashed when the source's aspect is kept. */
function shapeStyle(p: Preset) {
  const { width, height } = p.canvas;
  const size = width >= height ? { width: "100%" } : { height: "26px" };
  return { ...size, aspectRatio: `${width} / ${height}`, borderStyle: p.keepAspect ? "dashed" : "solid" };
}

function PresetCard(props: { preset: Preset; locked: boolean }) {
  const p = props.preset;
  const chosen = chosenPresetId.value === p.id;
  return (
    <label class={`preset ${chosen ? "is-chosen" : ""}`} data-preset={p.id}>
      <input
        type="radio"
        name="preset"
        class="visually-hidden"
        value={p.id}
        checked={chosen}
        disabled={props.locked}
        onChange={() => {
          chosenPresetId.value = p.id;
        }}
      />
      <span class="preset__shape" aria-hidden="true">
        <i style={shapeStyle(p)} />
      </span>
      <span class="preset__text">
        <span class="preset__label">{p.label[lang.value]}</span>
        <span class="preset__meta">
          {aspectOf(p) ?? t.value.original} · {t.value.maxLength(p.maxDurationSec)}
        </span>
      </span>
    </label>
  );
}

export function PresetPicker() {
  const locked = project.value !== null;
  const shown = locked ? presets.value.filter((p) => p.id === chosenPresetId.value) : presets.value;
  const chosen = chosenPreset.value;
  return (
    <Step n={1} title={t.value.stepPlatform} class="preset-picker">
      {presetsFailed.value && <p class="muted">{t.value.presetsFailed}</p>}
      {!presetsFailed.value && presets.value.length === 0 && <p class="muted">{t.value.presetsLoading}</p>}
      <div
        class={`presets ${locked ? "presets--locked" : ""}`}
        role="radiogroup"
        aria-label={t.value.stepPlatform}
      >
        {shown.map((p) => (
          <PresetCard key={p.id} preset={p} locked={locked} />
        ))}
      </div>
      {chosen && <p class="preset-picker__desc">{chosen.description[lang.value]}</p>}
    </Step>
  );
}
