// Opens the engine's data folder: users.json, sessions/, media/, renders/ and a tmp/ for uploads in flight.
import { mkdir, readdir, rm } from "node:fs/promises";
import { join } from "node:path";
import { JsonFiles } from "./json-files.ts";
import { RenderStore } from "./renders.ts";
import { SessionStore } from "./sessions.ts";
import { type TokenPolicy, UserStore } from "./users.ts";

export interface Store {
  users: UserStore;
  sessions: SessionStore;
  renders: RenderStore;
  /** scratch folder for uploads and fetches in flight; emptied on open */
  tmpDir: string;
  flush(): Promise<void>;
}

export async function openStore(dataDir: string, policy: TokenPolicy): Promise<Store> {
  const files = new JsonFiles(dataDir);
  const tmpDir = files.path("tmp");
  await rm(tmpDir, { recursive: true, force: true });
  await mkdir(tmpDir, { recursive: true });
  const rendersDir = files.path("renders");
  await mkdir(rendersDir, { recursive: true });
  // Hidden files there are partial outputs of renders a crash cut short; their jobs re-run from scratch.
  for (const name of await readdir(rendersDir)) {
    if (name.startsWith(".")) await rm(join(rendersDir, name), { force: true });
  }
  return {
    users: await UserStore.open(files, policy),
    sessions: await SessionStore.open(files),
    renders: await RenderStore.open(files),
    tmpDir,
    flush: () => files.flush(),
  };
}
