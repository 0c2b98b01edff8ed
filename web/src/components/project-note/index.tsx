// After "new project": the one just left is named, with the way back, so it is never dropped silently.
import { t } from "../../model/i18n.ts";
import { leftProject, listOpen } from "../../model/projects.ts";
import "./style.css";

export function ProjectNote() {
  const title = leftProject.value;
  if (!title) return null;
  return (
    <p class="project-note" role="status">
      <span class="project-note__text">{t.value.savedProject(title)}</span>
      <button type="button" class="btn btn--small btn--ghost" onClick={() => (listOpen.value = true)}>
        {t.value.projects}
      </button>
      <button
        type="button"
        class="project-note__close"
        aria-label={t.value.close}
        onClick={() => (leftProject.value = null)}
      >
        ×
      </button>
    </p>
  );
}
