// Secrets are not in wrangler.toml, so `wrangler types` cannot see them; declared here.
declare namespace Cloudflare {
  interface Env {
    /** HMAC key for cookies and signed media URLs (`wrangler secret put SECRET`). */
    SECRET: string;
  }
}
