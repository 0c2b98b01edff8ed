// The top bar: name, what it does, the project list, "new project" and the language switch.
import { sending } from "../../model/chat.ts";
import { t } from "../../model/i18n.ts";
import { project } from "../../model/project.ts";
import { listOpen } from "../../model/projects.ts";
import { uploadsBusy } from "../../model/uploads.ts";
import { startOver } from "../../model/workspace.ts";
import { LangToggle } from "../lang-toggle/index.tsx";
import "./style.css";

export function AppHeader(props: { workspace?: boolean }) {
  return (
    <header class="app-header">
      <a class="app-header__brand" href="/" aria-label="Reelsmith">
        <span class="app-header__logo" aria-hidden="true" />
        <span class="app-header__name">Reelsmith</span>
      </a>
      <p class="app-header__tagline">{t.value.tagline}</p>
      <div class="app-header__actions">
        {props.workspace && (
          <button type="button" class="btn btn--ghost btn--small" onClick={() => (listOpen.value = true)}>
            {t.value.projects}
          </button>
        )}
        {props.workspace && project.value && (
          <button
            type="button"
            class="btn btn--ghost btn--small"
            disabled={sending.value || uploadsBusy.value}
            onClick={startOver}
          >
            + {t.value.newProject}
          </button>
        )}
        <LangToggle />
      </div>
    </header>
  );
}
