// Builds the Preact SPA into web/dist, served by the Worker as static assets with the security headers of
// core/security-headers.ts (written as `_headers`, which the assets server applies).
import preact from "@preact/preset-vite";
import { defineConfig, type Plugin } from "vite";
import { staticHeadersFile } from "../core/security-headers.ts";

const securityHeaders = (): Plugin => ({
  name: "reelsmith-security-headers",
  generateBundle() {
    this.emitFile({ type: "asset", fileName: "_headers", source: staticHeadersFile() });
  },
});

export default defineConfig({
  root: import.meta.dirname,
  plugins: [preact(), securityHeaders()],
  build: { outDir: "dist", emptyOutDir: true },
});
