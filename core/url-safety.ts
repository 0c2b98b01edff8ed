// Addresses Reelsmith fetches or calls for a user (imports, export webhooks): public https hosts only, every hop.
import { ReelsmithError } from "./errors.ts";

export type UrlRefusal =
  | "invalid"
  | "not_https"
  | "credentials"
  | "ip_literal"
  | "local_host"
  | "metadata_host"
  | "too_many_redirects";

export type UrlCheck = { ok: true; url: URL } | { ok: false; reason: UrlRefusal };

/** Suffixes that only resolve inside a machine or a private network. */
const LOCAL_SUFFIXES = [
  "localhost",
  "local",
  "localdomain",
  "internal",
  "intranet",
  "lan",
  "home.arpa",
  "home",
  "corp",
];

/** Public names that resolve to loopback or to any IP written into them (DNS-rebinding helpers). */
const LOOPBACK_NAMES = ["localtest.me", "lvh.me", "vcap.me", "nip.io", "sslip.io", "xip.io"];

/** Cloud instance-metadata services reachable by name. */
const METADATA_NAMES = [
  "metadata",
  "metadata.google.internal",
  "metadata.goog",
  "instance-data",
  "metadata.tencentyun.com",
];

const under = (host: string, names: string[]) => names.some((n) => host === n || host.endsWith(`.${n}`));

/**
 * Whether an address may be fetched on a user's behalf. The URL parser has already normalised numeric hosts
 * (`2130706433`, `0x7f.1`, `%31%32%37.0.0.1`) to dotted IPv4, so one pattern catches every IPv4 spelling.
 * Names are judged as written; the platform's egress, not this check, stops names that resolve privately.
 */
export function checkPublicUrl(raw: string): UrlCheck {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "invalid" };
  }
  if (url.protocol !== "https:") return { ok: false, reason: "not_https" };
  if (url.username || url.password) return { ok: false, reason: "credentials" };
  const host = url.hostname.toLowerCase().replace(/\.+$/, "");
  if (host.startsWith("[") || /^\d+\.\d+\.\d+\.\d+$/.test(host)) return { ok: false, reason: "ip_literal" };
  if (under(host, METADATA_NAMES)) return { ok: false, reason: "metadata_host" };
  if (!host.includes(".") || under(host, LOCAL_SUFFIXES) || under(host, LOOPBACK_NAMES))
    return { ok: false, reason: "local_host" };
  return { ok: true, url };
}

/** The URL, or the catalogue's `url_refused` naming the rule it broke. */
export function assertPublicUrl(raw: string): URL {
  const check = checkPublicUrl(raw);
  if (!check.ok) throw refused(check.reason);
  return check.url;
}

const refused = (reason: UrlRefusal) => new ReelsmithError("url_refused", { extra: { reason } });

export interface PublicFetchOptions {
  maxRedirects: number;
  signal?: AbortSignal;
}

/** GET with redirects followed by hand, so that every hop passes `checkPublicUrl` before it is contacted. */
export async function fetchPublic(raw: string, opts: PublicFetchOptions): Promise<Response> {
  let url = assertPublicUrl(raw);
  for (let hop = 0; ; hop++) {
    // Identity encoding keeps Content-Length the length of the bytes read, which the caller relies on.
    const res = await fetch(url, {
      redirect: "manual",
      signal: opts.signal,
      headers: { "Accept-Encoding": "identity" },
    });
    const location = res.headers.get("Location");
    if (res.status < 300 || res.status >= 400 || !location) return res;
    await res.body?.cancel();
    if (hop >= opts.maxRedirects) throw refused("too_many_redirects");
    url = assertPublicUrl(new URL(location, url).href);
  }
}
