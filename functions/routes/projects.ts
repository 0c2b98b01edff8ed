// Projects: create, list (with the latest poster), read (draft, timeline, transcript, uploads, exports), rename, delete.
import { Hono } from "hono";
import { CreateProjectBody, RenameProjectBody } from "../../core/api.ts";
import { unwrap } from "../../core/outcome.ts";
import { getPreset } from "../../core/presets.ts";
import type { AppEnv } from "../context.ts";
import { parseBody } from "../errors.ts";

export const projects = new Hono<AppEnv>()
  .post("/", async (c) => {
    const body = await parseBody(c, CreateProjectBody);
    const preset = getPreset(body.preset)!;
    const language = body.language ?? c.get("lang");
    const title = body.title ?? preset.label[language];
    const project = await c.get("user").createProject({ preset: preset.id, title, language });
    return c.json(project, 201);
  })
  .get("/", async (c) => c.json({ projects: await c.get("user").listProjects() }))
  .get("/:id", async (c) =>
    c.json(unwrap(await c.get("user").getProject(c.req.param("id"), c.get("platform"), c.get("lang")))),
  )
  .patch("/:id", async (c) => {
    const { title } = await parseBody(c, RenameProjectBody);
    return c.json(unwrap(await c.get("user").renameProject(c.req.param("id"), title)));
  })
  .delete("/:id", async (c) => c.json(unwrap(await c.get("user").deleteProject(c.req.param("id")))));
