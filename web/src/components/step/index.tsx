// A numbered section of the workspace: platform, media, chat, export.
import type { ComponentChildren } from "preact";
import "./style.css";

export function Step(props: { n: number; title: string; class?: string; children: ComponentChildren }) {
  return (
    <section class={`step ${props.class ?? ""}`} aria-labelledby={`step-${props.n}`}>
      <h2 class="step__title" id={`step-${props.n}`}>
        <span class="step__n" aria-hidden="true">
          {props.n}
        </span>
        {props.title}
      </h2>
      {props.children}
    </section>
  );
}
