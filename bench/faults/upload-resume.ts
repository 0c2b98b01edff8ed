// A client that drops its connection halfway through a part, then resumes from the parts the server says it has.
import { request } from "node:http";
import type { BenchUser } from "../user-client.ts";
import { noiseClip } from "./media.ts";
import type { Observed } from "./outcome.ts";

interface UploadState {
  id: string;
  state: string;
  size: number;
  partSize: number;
  partCount: number;
  parts: number[];
  media?: { duration: number | null; width: number | null; height: number | null };
  error?: { code: string };
}

/** Sends half of part `n`'s bytes with the whole part's Content-Length, then drops the connection. */
function dropMidPart(user: BenchUser, uploadId: string, n: number, part: Uint8Array): Promise<void> {
  const origin = new URL(user.origin);
  return new Promise((resolve) => {
    const req = request({
      host: origin.hostname,
      port: origin.port,
      method: "PUT",
      path: `/api/uploads/${uploadId}/parts/${n}`,
      headers: { Authorization: user.authorization, "Content-Length": String(part.length) },
    });
    req.on("error", () => resolve());
    req.on("response", (res) => {
      res.resume();
      resolve();
    });
    req.write(part.subarray(0, part.length >> 1), () => {
      // Let the half reach the server before the connection goes, as when a laptop lid closes mid-send.
      setTimeout(() => {
        req.destroy();
        resolve();
      }, 300);
    });
  });
}

export async function uploadDropAndResume(o: Observed, user: BenchUser): Promise<void> {
  const bytes = noiseClip();
  // The project comes with the first file, as on the page.
  const { id: projectId } = await user.createProject();
  const plan = await user.json<UploadState>("POST", `/api/projects/${projectId}/uploads`, {
    name: "noise.mp4",
    size: bytes.length,
    type: "video/mp4",
  });
  o.check(plan.partCount >= 3, `the clip makes ${plan.partCount} parts, not 3`);
  await user.sendPart(plan.id, 1, plan.partSize, bytes);
  const second = bytes.subarray(plan.partSize, 2 * plan.partSize);
  await dropMidPart(user, plan.id, 2, second);
  const dropped = performance.now();

  // Resuming, as the page does after a reload: ask what the server has and send the rest.
  const held = await user.json<UploadState>("GET", `/api/uploads/${plan.id}`);
  o.check(held.state === "uploading", `after the drop the upload is ${held.state}`);
  o.check(!held.parts.includes(2), "the half-sent part counts as stored");
  o.check(held.parts.includes(1), "part 1 is not kept");
  o.sees.push(`the upload stays "uploading" with parts [${held.parts.join(", ")}] of ${held.partCount}`);
  for (let n = 1; n <= plan.partCount; n++)
    if (!held.parts.includes(n)) await user.sendPart(plan.id, n, plan.partSize, bytes);
  const done = await user.complete<UploadState>(plan.id);
  o.recoverMs = performance.now() - dropped;
  o.check(done.state === "ready", `after resuming the upload is ${done.state}`);
  o.check(done.size === bytes.length, `${done.size} of ${bytes.length} bytes stored`);
  o.check(
    Math.abs((done.media?.duration ?? 0) - 4) < 0.2,
    `the editor measured ${done.media?.duration} s, not 4 s`,
  );
  if (done.size !== bytes.length) o.lost.push(`${bytes.length - done.size} bytes`);
  o.sees.push(
    `resumed with the missing parts, then "${done.state}" (${done.media?.width}×${done.media?.height}, ${done.media?.duration} s as measured by the editor)`,
  );
}
