// Secrets are not in wrangler.toml, so `wrangler types` cannot see them; declared here.
declare namespace Cloudflare {
  interface Env {
    /**
     * The one deployment secret (`wrangler secret put SECRET`): the keys for cookies and media links are derived
     * from it per purpose (core/hmac.ts), and share links are sealed under another key derived from it.
     */
    SECRET: string;
  }
}
