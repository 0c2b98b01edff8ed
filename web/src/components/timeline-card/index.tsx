// The timeline in one glance: one lane per track with its pieces placed in time, drawn from the structured
// timeline (never parsed from text), in the page's language; opened wide when the editor points at it.
import { useEffect, useRef } from "preact/hooks";
import { describeLane, laneContent, laneLabel, laneSpan } from "../../../../core/timeline-view.ts";
import { timelineRevealed } from "../../model/attention.ts";
import { lang, t } from "../../model/i18n.ts";
import { ready, timeline } from "../../model/project.ts";
import "./style.css";

export function TimelineCard() {
  const card = useRef<HTMLDivElement>(null);
  const open = timelineRevealed.value;
  const view = timeline.value;
  const lanes = ready.value ? view.lanes : [];
  const l = lang.value;
  const end = Math.max(view.duration, ...lanes.map((lane) => laneSpan(lane)?.[1] ?? 0), 1);
  const pct = (ms: number) => `${Math.min(100, (ms / end) * 100)}%`;

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
        {lanes.length > 0 && <span class="timeline-card__length">{t.value.seconds(end / 1000)}</span>}
        <span class="timeline-card__chevron" aria-hidden="true" />
      </button>
      {lanes.length === 0 ? (
        <p class="timeline-card__empty">{t.value.nothingYet}</p>
      ) : (
        <ol class="timeline-card__lanes">
          {lanes.map((lane, i) => (
            <li key={i} class={`lane lane--${lane.kind}`} aria-label={describeLane(lane, l)}>
              <span class="lane__label" aria-hidden="true">
                {laneLabel(lane.kind, l)}
              </span>
              <span class="lane__track" aria-hidden="true">
                {lane.segments.map((seg, j) => (
                  <span
                    key={j}
                    class="lane__piece"
                    style={{ left: pct(seg.s), width: pct(seg.d) }}
                    title={seg.label}
                  >
                    {seg.label}
                  </span>
                ))}
              </span>
              {open && (
                <span class="lane__content" aria-hidden="true">
                  {laneContent(lane, l)}
                  {lane.volume !== undefined && ` · ${Math.round(lane.volume * 100)}%`}
                </span>
              )}
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
