#!/usr/bin/env node
// Makes a video through Reelsmith's HTTP API with Node's fetch alone: files (paths or https:// links) + one sentence → an MP4.
//
//   REELSMITH_URL=http://127.0.0.1:8787 node examples/make-video.mjs "a 6 second promo called Spring Sale" a.jpg b.jpg
//
// REELSMITH_URL  where Reelsmith runs (default http://127.0.0.1:8787)
// REELSMITH_KEY  an API key (rs_…); without one a key is minted and printed to stderr
// PRESET         the platform preset (default xiaohongshu; GET /api/presets lists them)
// OUT            where the MP4 goes (default video.mp4)
import { open, writeFile } from "node:fs/promises";
import { basename } from "node:path";

const base = process.env.REELSMITH_URL ?? "http://127.0.0.1:8787";
const preset = process.env.PRESET ?? "xiaohongshu";
const out = process.env.OUT ?? "video.mp4";
const [sentence, ...files] = process.argv.slice(2);
if (!sentence) {
  console.error('usage: make-video.mjs "what the video should be" [file or https:// link …]');
  process.exit(2);
}

/** A refused call throws Reelsmith's error: `{code, message, hint, action?}`. */
class ApiError extends Error {
  constructor(status, error) {
    super(`${status} ${error.code}: ${error.message} ${error.hint}`);
    this.error = error;
  }
}

let key = process.env.REELSMITH_KEY;

async function api(method, path, { json, body, headers = {} } = {}) {
  const res = await fetch(base + path, {
    method,
    headers: {
      ...(key ? { Authorization: `Bearer ${key}` } : {}),
      ...(json === undefined ? {} : { "Content-Type": "application/json" }),
      ...headers,
    },
    body: json === undefined ? body : JSON.stringify(json),
  });
  if (!res.ok) throw new ApiError(res.status, (await res.json()).error);
  return res;
}
const call = async (method, path, opts) => (await api(method, path, opts)).json();

/** A local file in parts of exactly partSize bytes (the last holds the rest); the server sniffs its type. */
async function uploadParts(projectId, file) {
  const fh = await open(file);
  try {
    const { size } = await fh.stat();
    const up = await call("POST", `/api/projects/${projectId}/uploads`, {
      json: { name: basename(file), size },
    });
    for (let n = 1; n <= up.partCount; n++) {
      const length = Math.min(up.partSize, size - (n - 1) * up.partSize);
      const { buffer } = await fh.read(Buffer.alloc(length), 0, length, (n - 1) * up.partSize);
      await api("PUT", `/api/uploads/${up.id}/parts/${n}`, { body: buffer });
    }
    return call("POST", `/api/uploads/${up.id}/complete`);
  } finally {
    await fh.close();
  }
}

/** The chat turn's SSE events, as they arrive. */
async function* events(res) {
  const decoder = new TextDecoder();
  let buf = "";
  for await (const chunk of res.body) {
    buf += decoder.decode(chunk, { stream: true });
    let end = buf.indexOf("\n\n");
    while (end >= 0) {
      const data = buf
        .slice(0, end)
        .split("\n")
        .filter((line) => line.startsWith("data: "))
        .map((line) => line.slice(6))
        .join("\n");
      buf = buf.slice(end + 2);
      if (data) yield JSON.parse(data);
      end = buf.indexOf("\n\n");
    }
  }
}

const sleep = (ms) => new Promise((r) => setTimeout(r, ms));

async function main() {
  if (!key) {
    ({ key } = await call("POST", "/api/keys", { json: { label: "make-video.mjs" } }));
    console.error(`minted an API key (keep it): ${key}`);
  }

  const project = await call("POST", "/api/projects", { json: { preset } });
  console.log(`project ${project.id} (${preset})`);

  for (const file of files) {
    let upload = file.startsWith("https://")
      ? await call("POST", `/api/projects/${project.id}/imports`, { json: { url: file } })
      : await uploadParts(project.id, file);
    // complete (and an import) answer at once; the editor then fetches and measures the file
    while (upload.state === "sent") {
      await sleep(1000);
      upload = await call("GET", `/api/uploads/${upload.id}`);
    }
    if (upload.state !== "ready") throw new ApiError(200, upload.error);
    console.log(`added ${file}: ${upload.state}`);
  }

  const turn = await api("POST", `/api/projects/${project.id}/messages`, {
    json: { text: sentence },
    headers: { Accept: "text/event-stream" },
  });
  let refusal;
  for await (const ev of events(turn)) {
    if (ev.type === "status" || ev.type === "text" || ev.type === "notice") console.log(`  ${ev.text}`);
    if (ev.type === "state") console.log(`  ${ev.summary}`);
    if (ev.type === "error") refusal = ev;
  }
  if (refusal) throw new ApiError(200, refusal);

  const started = await call("POST", `/api/projects/${project.id}/exports`, {
    json: {},
    headers: { "Idempotency-Key": `${project.id}-make-video` },
  });
  let exp = started;
  while (exp.status !== "completed") {
    if (exp.status === "failed") throw new Error(`export ${exp.id} failed: ${exp.error}`);
    await sleep(2000);
    exp = await call("GET", `/api/exports/${started.id}`);
    console.log(`export ${exp.id}: ${exp.status} ${exp.progress}%`);
  }

  const video = Buffer.from(await (await api("GET", `/api/exports/${exp.id}/download`)).arrayBuffer());
  // An MP4 says "ftyp" at bytes 4–7.
  if (video.subarray(4, 8).toString("latin1") !== "ftyp") throw new Error(`${out} is not an MP4`);
  await writeFile(out, video);
  console.log(`saved ${out} (${video.length} bytes)`);
}

main().catch((e) => {
  console.error(e.message);
  process.exit(1);
});
