// The timeline in one glance: the summary line split into its tracks, opened wide when the editor points at it.
import { useEffect, useRef } from "preact/hooks";
import { timelineRevealed } from "../../model/attention.ts";
import { t } from "../../model/i18n.ts";
import { ready, summary } from "../../model/project.ts";
import "./style.css";

/** "Timeline (2 tracks): 1. Video: … 2. Text: …" → ["Video: …", "Text: …"]; the header carries no news. */
function tracksOf(line: string): string[] {
  const body = line.replace(/^[^:：]*[:：]\s*/, "");
  return body
    .split(/\s*(?:^|\s)\d+\.\s+/)
    .map((s) => s.trim())
    .filter(Boolean);
}

export function TimelineCard() {
  const card = useRef<HTMLDivElement>(null);
  const open = timelineRevealed.value;
  const tracks = ready.value ? tracksOf(summary.value) : [];

  useEffect(() => {
    if (open) card.current?.scrollIntoView({ behavior: "smooth", block: "nearest" });
  }, [open]);

  return (
    <div ref={card} class={`timeline-card ${open ? "is-open" : ""}`} data-testid="timeline">
      <button
        type="button"
        class="timeline-card__head"
        aria-expanded={open}
        onClick={() => (timelineRevealed.value = !open)}
      >
        {t.value.timeline}
        <span class="timeline-card__chevron" aria-hidden="true" />
      </button>
      {tracks.length === 0 ? (
        <p class="timeline-card__empty">{t.value.nothingYet}</p>
      ) : (
        <ol class="timeline-card__tracks">
          {tracks.map((track) => (
            <li key={track}>{track}</li>
          ))}
        </ol>
      )}
    </div>
  );
}
