// Earlier exports of the project, newest first: when, how long, whether outdated, and their downloads.
import { pastExports } from "../../model/exports.ts";
import { formatWhen } from "../../model/format.ts";
import { lang, t } from "../../model/i18n.ts";
import "./style.css";

export function ExportHistory() {
  const list = pastExports.value;
  const tr = t.value;
  if (list.length === 0) return null;
  return (
    <section class="export-history" aria-labelledby="export-history-title">
      <h3 class="export-history__title" id="export-history-title">
        {tr.pastExports}
      </h3>
      <ul class="export-history__list">
        {list.map((e) => (
          <li key={e.id} class="export-history__item" data-outdated={e.outdated}>
            {e.coverUrl ? (
              <img class="thumb export-history__cover" src={e.coverUrl} alt="" />
            ) : (
              <span class="thumb export-history__cover" aria-hidden="true" />
            )}
            <span class="export-history__when">
              {tr.exportedAt(
                formatWhen(e.completedAt ?? e.createdAt ?? Date.now(), lang.value),
                e.duration ? tr.seconds(e.duration) : "—",
              )}
              {e.outdated && <span class="export-history__tag">{tr.outdated}</span>}
            </span>
            <a class="btn btn--small btn--ghost" href={e.downloadUrl} download>
              {tr.download}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
