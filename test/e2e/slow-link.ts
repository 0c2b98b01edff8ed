// A slow link between the Worker and the real engine: every request passes through untouched, except that the
// next chat turn can be held back, as NemoVideo's 100–300 s generations are. It never answers for the engine.
import { createServer, request, type Server } from "node:http";
import type { AddressInfo } from "node:net";

/** `POST <link>/__slow-link/hold?ms=…`: hold the next /run_sse until released, or that long at most. */
export const HOLD_PATH = "/__slow-link/hold";
/** `GET <link>/__slow-link/held`: how many chat turns are held now. */
export const HELD_PATH = "/__slow-link/held";
/** `POST <link>/__slow-link/release`: let a held /run_sse go on now (or not be held at all). */
export const RELEASE_PATH = "/__slow-link/release";

export interface SlowLink {
  url: string;
  close(): Promise<void>;
}

export function startSlowLink(enginePort: number): Promise<SlowLink> {
  let hold = 0;
  const held = new Set<() => void>();
  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://link");
    if (url.pathname === HOLD_PATH) {
      hold = Number(url.searchParams.get("ms")) || 0;
      res.writeHead(204).end();
      return;
    }
    if (url.pathname === HELD_PATH) {
      res.writeHead(200, { "Content-Type": "application/json" }).end(JSON.stringify({ held: held.size }));
      return;
    }
    if (url.pathname === RELEASE_PATH) {
      // Also when the turn has not reached the link yet: a hold not yet used is dropped.
      hold = 0;
      for (const go of held) go();
      res.writeHead(204).end();
      return;
    }
    const wait = url.pathname === "/run_sse" ? hold : 0;
    if (wait) hold = 0;
    const pass = () => {
      const out = request(
        { host: "127.0.0.1", port: enginePort, method: req.method, path: req.url, headers: req.headers },
        (up) => {
          res.writeHead(up.statusCode ?? 502, up.headers);
          up.pipe(res);
        },
      );
      out.on("error", () => res.destroy());
      req.pipe(out);
    };
    if (!wait) return pass();
    const go = () => {
      clearTimeout(timer);
      held.delete(go);
      pass();
    };
    const timer = setTimeout(go, wait);
    held.add(go);
  });
  return new Promise((resolve) =>
    server.listen(0, "127.0.0.1", () =>
      resolve({
        url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
        close: () =>
          new Promise((done) => {
            server.close(() => done());
            server.closeAllConnections();
          }),
      }),
    ),
  );
}

/** From a test: holds the next chat turn before it reaches the engine, until released or `ms` at most. */
export async function holdNextChat(linkUrl: string, ms: number): Promise<void> {
  await fetch(`${linkUrl}${HOLD_PATH}?ms=${ms}`, { method: "POST" });
}

/** From a test: waits until a chat turn is held here, i.e. the server has started it (30 s at most). */
export async function chatHeld(linkUrl: string): Promise<void> {
  for (let i = 0; i < 300; i++) {
    const { held } = (await (await fetch(`${linkUrl}${HELD_PATH}`)).json()) as { held: number };
    if (held > 0) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error("no chat turn reached the slow link in 30 s");
}

/** From a test: lets a held chat turn reach the engine now. */
export async function releaseChat(linkUrl: string): Promise<void> {
  await fetch(`${linkUrl}${RELEASE_PATH}`, { method: "POST" });
}
