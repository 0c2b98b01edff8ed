// The upstream contract suite against the local engine: a real server on a random port over a temp data folder.
import { createEngine } from "../../engine/server/index.ts";
import { tempDir } from "../engine/server-fixtures.ts";
import { describeUpstreamContract } from "./upstream-contract.ts";

const UPLOAD_LIMIT = 64 * 1024;

describeUpstreamContract("local engine", async () => {
  const engine = await createEngine({
    dataDir: await tempDir("contract"),
    port: 0,
    // The upstream's own token rules and starting balance, which the suite checks.
    limits: { maxUploadBytes: UPLOAD_LIMIT, initialCredits: 100, oneTokenPerClient: true },
  });
  const { url } = await engine.start();
  return { url, close: engine.close, uploadLimitBytes: UPLOAD_LIMIT, renderPollMs: 200 };
});
