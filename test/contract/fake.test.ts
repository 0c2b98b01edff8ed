// The upstream contract suite against the fake upstream (lowered upload limit, fast renders, both poll shapes).
import { startFakeUpstream } from "../fake-upstream/server.ts";
import { describeUpstreamContract } from "./upstream-contract.ts";

const UPLOAD_LIMIT = 64 * 1024;

describeUpstreamContract("fake upstream", async () => {
  const fake = await startFakeUpstream({ config: { maxUploadBytes: UPLOAD_LIMIT, renderMs: 300 } });
  return {
    url: fake.url,
    close: fake.close,
    uploadLimitBytes: UPLOAD_LIMIT,
    renderPollMs: 30,
    renderTimeoutMs: 5_000,
    editMessage: '[scenario:edit] Add the title "Contract"',
    selectPollShape: async (pollShape) => void (await fake.control.config({ pollShape })),
  };
});
