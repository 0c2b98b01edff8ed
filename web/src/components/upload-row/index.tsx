// One file in the media list: its preview, size in MB, progress, or its error with "try again" / "remove".
import { formatSize } from "../../model/format.ts";
import { t } from "../../model/i18n.ts";
import { removeUpload, retryUpload, type UploadItem } from "../../model/uploads.ts";
import { ErrorNote } from "../error-note/index.tsx";
import { ProgressBar } from "../progress-bar/index.tsx";
import "./style.css";

const extOf = (name: string) => (/\.([a-z0-9]{1,4})$/i.exec(name)?.[1] ?? "file").toUpperCase();

export function UploadRow(props: { upload: UploadItem }) {
  const u = props.upload;
  const tr = t.value;
  const state = u.state.value;
  const pct = Math.round(u.progress.value * 100);
  const thumb = u.thumb.value;
  const label =
    state === "queued"
      ? tr.uploadQueued
      : state === "uploading"
        ? tr.uploading(pct)
        : state === "processing"
          ? tr.processing
          : state === "done"
            ? tr.uploaded
            : "";
  return (
    <li class={`upload-row upload-row--${state}`} data-state={state}>
      {thumb ? (
        <img class="thumb upload-row__thumb" src={thumb} alt="" />
      ) : (
        <span class="upload-row__ext" aria-hidden="true">
          {extOf(u.name)}
        </span>
      )}
      <div class="upload-row__body">
        <div class="upload-row__line">
          <span class="upload-row__name" title={u.name}>
            {u.name}
          </span>
          <span class="upload-row__size">{formatSize(u.size)}</span>
        </div>
        {state !== "failed" && (
          <>
            <ProgressBar value={u.progress.value} label={u.name} tone={state === "done" ? "ok" : "accent"} />
            <span class="upload-row__state">{label}</span>
          </>
        )}
        {state === "failed" && (
          <>
            {u.error.value && <ErrorNote error={u.error.value} />}
            {!u.file && u.retryable.value && <p class="upload-row__resume">{tr.chooseAgain}</p>}
            <div class="upload-row__buttons">
              {u.file && u.retryable.value && (
                <button type="button" class="btn btn--small" onClick={() => retryUpload(u)}>
                  {tr.retry}
                </button>
              )}
              <button type="button" class="btn btn--small btn--ghost" onClick={() => removeUpload(u)}>
                {tr.remove}
              </button>
            </div>
          </>
        )}
      </div>
    </li>
  );
}
