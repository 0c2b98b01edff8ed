// Runs the local engine: `npx tsx engine/main.ts` (ENGINE_PORT, default 8790; ENGINE_DATA, default ./.data/engine).
import { resolve } from "node:path";
import { modelConfigFromEnv } from "./planner/model-interpreter.ts";
import { createEngine } from "./server/index.ts";

const port = Number(process.env.ENGINE_PORT ?? 8790);
const dataDir = resolve(process.env.ENGINE_DATA ?? "./.data/engine");

const plannerModel = modelConfigFromEnv(process.env);
const engine = await createEngine({ dataDir, port, ...(plannerModel && { plannerModel }) });
const { url } = await engine.start();
console.log(`engine: listening on ${url} (data in ${dataDir})`);
if (plannerModel) console.log(`engine: planner asks ${plannerModel.model} first (PLANNER_LLM_URL)`);

for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.once(signal, async () => {
    await engine.close();
    process.exit(0);
  });
}
