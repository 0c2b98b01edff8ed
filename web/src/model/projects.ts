// The project list: every project of this user with its poster and last change; open, rename, delete one.
import { signal } from "@preact/signals";
import { getJson, request } from "./api.ts";
import type { ProjectSummary } from "./api-types.ts";

export const projectList = signal<ProjectSummary[]>([]);
export const listOpen = signal(false);
/** the project just left for a new one, named in a note so it is never dropped silently */
export const leftProject = signal<string | null>(null);

export async function loadProjects(): Promise<void> {
  projectList.value = (await getJson<{ projects: ProjectSummary[] }>("/api/projects")).projects;
}

export async function renameProject(id: string, title: string): Promise<void> {
  await request(`/api/projects/${encodeURIComponent(id)}`, { method: "PATCH", json: { title } });
  await loadProjects();
}

export async function deleteProject(id: string): Promise<void> {
  await request(`/api/projects/${encodeURIComponent(id)}`, { method: "DELETE" });
  await loadProjects();
}
