// Which upstream endpoint a request is for, matched against core/contract.ts `Paths` so no path is spelled twice.
import { Paths } from "../../core/contract.ts";
import type { Endpoint } from "./control-schema.ts";

const PARAM = "PARAM0";
const pattern = (path: string) =>
  new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(PARAM, "([^/]+)")}$`);

const TABLE: { method: string; re: RegExp; endpoint: Endpoint }[] = [
  { method: "POST", re: pattern(Paths.anonymousToken), endpoint: "anonymousToken" },
  { method: "POST", re: pattern(Paths.createSession), endpoint: "createSession" },
  { method: "POST", re: pattern(Paths.claimToken), endpoint: "claimToken" },
  { method: "POST", re: pattern(Paths.runSse), endpoint: "runSse" },
  { method: "POST", re: pattern(Paths.upload(PARAM)), endpoint: "upload" },
  { method: "GET", re: pattern(Paths.credits), endpoint: "credits" },
  { method: "GET", re: pattern(Paths.state(PARAM)), endpoint: "state" },
  { method: "POST", re: pattern(Paths.render), endpoint: "render" },
  { method: "POST", re: pattern(Paths.renderCancel(PARAM)), endpoint: "renderCancel" },
  { method: "GET", re: pattern(Paths.renderPoll(PARAM)), endpoint: "renderPoll" },
  { method: "GET", re: pattern(Paths.renderDownload(PARAM)), endpoint: "renderDownload" },
];

export interface EndpointMatch {
  endpoint: Endpoint;
  /** the session id or render id in the path, decoded */
  param?: string;
}

export function matchEndpoint(method: string, path: string): EndpointMatch | null {
  for (const row of TABLE) {
    const m = row.method === method ? row.re.exec(path) : null;
    if (m)
      return { endpoint: row.endpoint, param: m[1] === undefined ? undefined : decodeURIComponent(m[1]) };
  }
  return null;
}

/** Render endpoints answer `{success:…}`; everything else the `{code,message,data}` envelope. */
export const usesSuccessEnvelope = (endpoint: Endpoint) => endpoint.startsWith("render");
