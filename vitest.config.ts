// One `vitest run` for every suite: pure core, the Worker in workerd, the engine, the upstream contract, and e2e.
import { cloudflareTest } from "@cloudflare/vitest-pool-workers";
import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    projects: [
      {
        test: { name: "core", include: ["core/**/*.test.ts"], environment: "node" },
      },
      {
        plugins: [
          cloudflareTest(({ inject }) => ({
            wrangler: { configPath: "./wrangler.toml" },
            miniflare: {
              bindings: {
                UPSTREAM_URL: `http://127.0.0.1:${inject("fakeUpstreamPort")}`,
                // where signed media links point: the suite's own origin (test/worker/helpers.ts ORIGIN)
                PUBLIC_URL: "https://reelsmith.test",
                // the fake serves render outputs from its loopback address, trusted here as the engine is locally
                OUTPUT_ORIGINS: `http://127.0.0.1:${inject("fakeUpstreamPort")}`,
                // the fake follows NemoVideo, so its per-preset upload limits apply
                UPSTREAM_KIND: "nemovideo",
                SECRET: "test-secret-0123456789abcdef",
                RENDER_FIRST_POLL_MS: "50",
                RENDER_POLL_MS: "50",
                RENDER_DEADLINE_MS: "60000",
                RATE_LIMIT_WAIT_MS: "10",
                CHAT_SILENCE_NOTICE_MS: "300",
                CHAT_IDLE_TIMEOUT_MS: "1500",
                CHAT_RECOVERY_FIRST_MS: "100",
                CHAT_RECOVERY_EVERY_MS: "100",
                SSE_PING_MS: "200",
                HAND_OFF_RETRY_MS: "20",
              },
            },
          })),
        ],
        test: {
          name: "worker",
          include: ["test/worker/**/*.test.ts"],
          globalSetup: ["test/fake-upstream/global-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
        },
      },
      {
        test: {
          name: "engine",
          include: ["test/engine/**/*.test.ts", "engine/**/*.test.ts", "test/contract/**/*.test.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: ["test/e2e/**/*.test.ts"],
          globalSetup: ["test/e2e/global-setup.ts"],
          environment: "node",
          testTimeout: 240_000,
          hookTimeout: 240_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
