// Runs the fake upstream standalone (`npx tsx test/fake-upstream/main.ts [port]`), e.g. behind `wrangler dev`.
import { startFakeUpstream } from "./server.ts";

const fake = await startFakeUpstream({ port: Number(process.argv[2] ?? 8791) });
console.log(`fake upstream listening on ${fake.url} (control API: ${fake.url}/__fake/inspect)`);
