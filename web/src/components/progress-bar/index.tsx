// A thin progress bar, 0–1.
import "./style.css";

export function ProgressBar(props: { value: number; label: string; tone?: "accent" | "ok" | "danger" }) {
  const pct = Math.round(Math.min(1, Math.max(0, props.value)) * 100);
  return (
    <div
      class={`progress progress--${props.tone ?? "accent"}`}
      role="progressbar"
      aria-label={props.label}
      aria-valuemin={0}
      aria-valuemax={100}
      aria-valuenow={pct}
    >
      <div class="progress__fill" style={{ width: `${pct}%` }} />
    </div>
  );
}
