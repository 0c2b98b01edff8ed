// Projects: create, list a page at a time (with the latest poster), read (draft, timeline, transcript, uploads,
// exports), rename, delete.
import { createRoute } from "@hono/zod-openapi";
import { CreateProjectBody, IdParam, ProjectListQuery, RenameProjectBody } from "../../core/api.ts";
import { Deleted, ProjectDetails, ProjectPage, ProjectView } from "../../core/api-views.ts";
import { unwrap } from "../../core/outcome.ts";
import { getPreset } from "../../core/presets.ts";
import { json, jsonBody, refusals, routes } from "../route-kit.ts";

const createProject = createRoute({
  method: "post",
  path: "/",
  tags: ["Projects"],
  summary: "Create a project",
  request: { body: jsonBody(CreateProjectBody) },
  responses: { 201: json(ProjectView, "The new project"), ...refusals },
});

const listProjects = createRoute({
  method: "get",
  path: "/",
  tags: ["Projects"],
  summary: "The caller's projects, last changed first, a page at a time",
  request: { query: ProjectListQuery },
  responses: { 200: json(ProjectPage, "A page of projects"), ...refusals },
});

const getProject = createRoute({
  method: "get",
  path: "/{id}",
  tags: ["Projects"],
  summary: "A project with its draft, timeline, summary, transcript, uploads and exports",
  request: { params: IdParam },
  responses: { 200: json(ProjectDetails, "The project"), ...refusals },
});

const renameProject = createRoute({
  method: "patch",
  path: "/{id}",
  tags: ["Projects"],
  summary: "Rename a project",
  request: { params: IdParam, body: jsonBody(RenameProjectBody) },
  responses: { 200: json(ProjectView, "The renamed project"), ...refusals },
});

const deleteProject = createRoute({
  method: "delete",
  path: "/{id}",
  tags: ["Projects"],
  summary: "Delete a project with its uploads and exports",
  request: { params: IdParam },
  responses: { 200: json(Deleted, "Deleted"), ...refusals },
});

export const projects = routes()
  .openapi(createProject, async (c) => {
    const body = c.req.valid("json");
    const preset = getPreset(body.preset)!;
    const language = body.language ?? c.get("lang");
    const title = body.title ?? preset.label[language];
    return c.json(unwrap(await c.get("user").createProject({ preset: preset.id, title, language })), 201);
  })
  .openapi(listProjects, async (c) => {
    const { cursor, limit } = c.req.valid("query");
    return c.json(unwrap(await c.get("user").listProjects(cursor, limit)), 200);
  })
  .openapi(getProject, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(unwrap(await c.get("user").getProject(id, c.get("platform"), c.get("lang"))), 200);
  })
  .openapi(renameProject, async (c) => {
    const { id } = c.req.valid("param");
    return c.json(unwrap(await c.get("user").renameProject(id, c.req.valid("json").title)), 200);
  })
  .openapi(deleteProject, async (c) =>
    c.json(unwrap(await c.get("user").deleteProject(c.req.valid("param").id)), 200),
  );
