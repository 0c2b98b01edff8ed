// The project list: this user's projects with their posters and last change, a page at a time; open, rename,
// delete one.
import { signal } from "@preact/signals";
import { api, call, type ProjectListItem } from "./api.ts";

export const projectList = signal<ProjectListItem[]>([]);
/** where the next page starts; null when the list is complete */
export const moreProjects = signal<string | null>(null);
export const listOpen = signal(false);
/** the project just left for a new one, named in a note so it is never dropped silently */
export const leftProject = signal<string | null>(null);

/** The first page, in place of whatever was listed. */
export async function loadProjects(): Promise<void> {
  const page = await call(api.projects.$get({ query: {} }));
  projectList.value = page.projects;
  moreProjects.value = page.nextCursor;
}

/** The next page, after the ones listed. */
export async function loadMoreProjects(): Promise<void> {
  const cursor = moreProjects.value;
  if (!cursor) return;
  const page = await call(api.projects.$get({ query: { cursor } }));
  const listed = new Set(projectList.value.map((p) => p.id));
  projectList.value = [...projectList.value, ...page.projects.filter((p) => !listed.has(p.id))];
  moreProjects.value = page.nextCursor;
}

/** Renames one in place (the pages already listed stay). */
export async function renameProject(id: string, title: string): Promise<void> {
  const renamed = await call(api.projects[":id"].$patch({ param: { id }, json: { title } }));
  projectList.value = projectList.value.map((p) => (p.id === id ? { ...p, ...renamed } : p));
}

export async function deleteProject(id: string): Promise<void> {
  await call(api.projects[":id"].$delete({ param: { id } }));
  projectList.value = projectList.value.filter((p) => p.id !== id);
}
