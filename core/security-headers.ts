// The browser security policy, once for both places that send it: the Worker's responses (Hono's secure-headers
// middleware) and the static SPA files (a `_headers` file the web build writes from this).

/** Content-Security-Policy directives: nothing inline, nothing from elsewhere, never framed. */
export const CSP_DIRECTIVES = {
  defaultSrc: ["'self'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", "data:", "blob:"],
  mediaSrc: ["'self'", "blob:"],
  connectSrc: ["'self'"],
  objectSrc: ["'none'"],
  baseUri: ["'self'"],
  formAction: ["'self'"],
  frameAncestors: ["'none'"],
};

export const REFERRER_POLICY = "strict-origin-when-cross-origin";
/** Sent over https only (browsers ignore it over plain http anyway). */
export const HSTS = "max-age=31536000; includeSubDomains";

const kebab = (s: string) => s.replace(/[A-Z]/g, (c) => `-${c.toLowerCase()}`);

export const cspHeader = () =>
  Object.entries(CSP_DIRECTIVES)
    .map(([k, v]) => `${kebab(k)} ${v.join(" ")}`)
    .join("; ");

/** The `_headers` file for the static assets. */
export function staticHeadersFile(): string {
  const headers = {
    "Content-Security-Policy": cspHeader(),
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": REFERRER_POLICY,
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": HSTS,
  };
  return `/*\n${Object.entries(headers)
    .map(([k, v]) => `  ${k}: ${v}\n`)
    .join("")}`;
}
