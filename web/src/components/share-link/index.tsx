// A public link to the finished video: made on request, copied with one click, valid for 30 days.
import { useSignal } from "@preact/signals";
import { shareExport, shareLinks } from "../../model/exports.ts";
import { t } from "../../model/i18n.ts";
import "./style.css";

export function ShareLink(props: { exportId: string }) {
  const copied = useSignal(false);
  const url = shareLinks.value[props.exportId];
  const tr = t.value;
  if (!url)
    return (
      <button
        type="button"
        class="btn btn--small btn--ghost share-link__make"
        onClick={() => shareExport(props.exportId)}
      >
        {tr.shareLink}
      </button>
    );
  return (
    <div class="share-link">
      <label class="share-link__row">
        <span class="visually-hidden">{tr.shareLink}</span>
        <input class="share-link__url" readOnly value={url} onFocus={(e) => e.currentTarget.select()} />
        <button
          type="button"
          class="btn btn--small"
          onClick={() =>
            navigator.clipboard?.writeText(url).then(
              () => (copied.value = true),
              () => {},
            )
          }
        >
          {copied.value ? tr.linkCopied : tr.copyLink}
        </button>
      </label>
      <p class="share-link__hint">{tr.shareHint}</p>
    </div>
  );
}
