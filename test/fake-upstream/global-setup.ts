// Starts the fake upstream once for the Worker suite and hands its port to workerd through `inject`.
import type { TestProject } from "vitest/node";
import { startFakeUpstream } from "./server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    fakeUpstreamPort: number;
  }
}

export default async function setup(project: TestProject) {
  const fake = await startFakeUpstream({ port: 0 });
  project.provide("fakeUpstreamPort", fake.port);
  return () => fake.close();
}
