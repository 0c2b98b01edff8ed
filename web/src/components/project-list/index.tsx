// The project list as a dialog: each project's poster, title, platform and last change; open, rename, delete.
import { useSignal } from "@preact/signals";
import { useEffect, useRef } from "preact/hooks";
import type { ProjectListItem } from "../../model/api.ts";
import { formatWhen } from "../../model/format.ts";
import { lang, t } from "../../model/i18n.ts";
import { presets } from "../../model/presets.ts";
import { project } from "../../model/project.ts";
import {
  deleteProject,
  listOpen,
  loadMoreProjects,
  loadProjects,
  moreProjects,
  projectList,
  renameProject,
} from "../../model/projects.ts";
import { openProject, projectDeleted } from "../../model/workspace.ts";
import "./style.css";

function ProjectRow(props: { p: ProjectListItem }) {
  const { p } = props;
  const mode = useSignal<"view" | "rename" | "delete">("view");
  const title = useSignal(p.title);
  const tr = t.value;
  const isOpen = project.value?.id === p.id;
  const presetLabel = presets.value.find((x) => x.id === p.preset)?.label[lang.value] ?? p.preset;

  const saveTitle = async () => {
    const next = title.value.trim();
    if (next && next !== p.title) {
      await renameProject(p.id, next).catch(() => {});
      if (project.value?.id === p.id) project.value = { ...project.value, title: next };
    }
    mode.value = "view";
  };

  return (
    <li class={`project-row ${isOpen ? "is-open" : ""}`} data-project={p.id}>
      {p.coverUrl ? (
        <img class="thumb project-row__cover" src={p.coverUrl} alt="" />
      ) : (
        <span class="thumb project-row__cover project-row__cover--empty" aria-hidden="true" />
      )}
      <div class="project-row__body">
        {mode.value === "rename" ? (
          <form
            class="project-row__rename"
            onSubmit={(e) => {
              e.preventDefault();
              saveTitle();
            }}
          >
            <input
              class="project-row__input"
              aria-label={tr.titleLabel}
              value={title.value}
              maxLength={120}
              ref={(el) => el?.focus()}
              onInput={(e) => (title.value = e.currentTarget.value)}
            />
            <button type="submit" class="btn btn--small btn--primary">
              {tr.save}
            </button>
            <button type="button" class="btn btn--small btn--ghost" onClick={() => (mode.value = "view")}>
              {tr.cancel}
            </button>
          </form>
        ) : (
          <p class="project-row__title">{p.title}</p>
        )}
        <p class="project-row__meta">
          {presetLabel} · {tr.changedAt(formatWhen(p.updatedAt, lang.value))}
          {isOpen && <span class="project-row__current">{tr.current}</span>}
        </p>
        {mode.value === "delete" ? (
          <div class="project-row__confirm" role="alert">
            <span>{tr.confirmDelete(p.title)}</span>
            <button
              type="button"
              class="btn btn--small project-row__danger"
              onClick={async () => {
                await deleteProject(p.id).catch(() => {});
                projectDeleted(p.id);
              }}
            >
              {tr.delete}
            </button>
            <button type="button" class="btn btn--small btn--ghost" onClick={() => (mode.value = "view")}>
              {tr.cancel}
            </button>
          </div>
        ) : (
          mode.value === "view" && (
            <div class="project-row__actions">
              {!isOpen && (
                <button type="button" class="btn btn--small btn--primary" onClick={() => openProject(p.id)}>
                  {tr.open}
                </button>
              )}
              <button type="button" class="btn btn--small btn--ghost" onClick={() => (mode.value = "rename")}>
                {tr.rename}
              </button>
              <button type="button" class="btn btn--small btn--ghost" onClick={() => (mode.value = "delete")}>
                {tr.delete}
              </button>
            </div>
          )
        )}
      </div>
    </li>
  );
}

export function ProjectList() {
  const dialog = useRef<HTMLDialogElement>(null);
  const open = listOpen.value;
  const tr = t.value;

  useEffect(() => {
    const d = dialog.current;
    if (!d) return;
    if (open && !d.open) {
      d.showModal();
      loadProjects().catch(() => {});
    } else if (!open && d.open) d.close();
  }, [open]);

  return (
    <dialog
      ref={dialog}
      class="project-list"
      aria-labelledby="project-list-title"
      onClose={() => (listOpen.value = false)}
    >
      <header class="project-list__head">
        <h2 id="project-list-title">{tr.projectsTitle}</h2>
        <button type="button" class="btn btn--small btn--ghost" onClick={() => (listOpen.value = false)}>
          {tr.close}
        </button>
      </header>
      {projectList.value.length === 0 ? (
        <p class="muted">{tr.noProjects}</p>
      ) : (
        <ul class="project-list__items">
          {projectList.value.map((p) => (
            <ProjectRow key={`${p.id}/${p.title}`} p={p} />
          ))}
        </ul>
      )}
      {moreProjects.value && (
        <button
          type="button"
          class="btn btn--ghost project-list__more"
          onClick={() => loadMoreProjects().catch(() => {})}
        >
          {tr.moreProjects}
        </button>
      )}
    </dialog>
  );
}
