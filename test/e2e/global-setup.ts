// Starts Reelsmith once for the browser suites (as `npm start` does), with a slow link in front of the engine.
import type { TestProject } from "vitest/node";
import { type SlowLink, startSlowLink } from "./slow-link.ts";
import { startStack } from "./stack.ts";

declare module "vitest" {
  export interface ProvidedContext {
    stackUrl: string;
    slowLinkUrl: string;
  }
}

export default async function setup(project: TestProject) {
  let link: SlowLink | undefined;
  const stack = await startStack({
    upstream: async (enginePort) => {
      link = await startSlowLink(enginePort);
      return link.url;
    },
  });
  project.provide("stackUrl", stack.url);
  project.provide("slowLinkUrl", link!.url);
  return async () => {
    await stack.stop();
    await link?.close();
  };
}
