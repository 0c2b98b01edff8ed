// The upload endpoint (multipart `files` or JSON `urls`) and the fake CDN that serves uploads back at cdn_url.
import { createHash } from "node:crypto";
import type { Context } from "hono";
import {
  ACCEPTED_EXTENSIONS,
  okEnvelope,
  UploadByUrlBody,
  type UploadedFile,
  UpstreamCode,
} from "../../core/contract.ts";
import { failure, invalidBody } from "./failures.ts";
import type { FakeEnv, Handler, UpstreamCall } from "./handler.ts";
import type { FakeWorld, MediaRecord } from "./world.ts";

type Kind = "video" | "image" | "audio";
const KIND: Record<(typeof ACCEPTED_EXTENSIONS)[number], Kind> = {
  mp4: "video",
  mov: "video",
  avi: "video",
  webm: "video",
  mkv: "video",
  jpg: "image",
  jpeg: "image",
  png: "image",
  gif: "image",
  webp: "image",
  mp3: "audio",
  wav: "audio",
  m4a: "audio",
  aac: "audio",
};

/** What arrived: a file's bytes, or a URL the upstream would fetch (the fake does not). */
interface Incoming {
  filename: string;
  media: MediaRecord;
}

const bytesOf = (media: MediaRecord) => ("bytes" in media ? media.bytes : undefined);

const kindOf = (filename: string): Kind | undefined =>
  KIND[filename.split(".").pop()?.toLowerCase() as keyof typeof KIND];

/** Width and height from a PNG header; other files get typical phone-media numbers. */
function pngSize(bytes: Uint8Array | undefined): { width: number; height: number } | null {
  const isPng = bytes && bytes.length >= 24 && bytes[0] === 0x89 && bytes[1] === 0x50 && bytes[2] === 0x4e;
  if (!isPng) return null;
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  return { width: view.getUint32(16), height: view.getUint32(20) };
}

function metadata(kind: Kind, bytes: Uint8Array | undefined) {
  if (kind === "video") return { duration: 10, width: 1920, height: 1080, fps: 30 };
  if (kind === "audio") return { duration: 30, width: null, height: null, fps: null };
  return { duration: null, ...(pngSize(bytes) ?? { width: 1080, height: 1350 }), fps: null };
}

async function readIncoming(call: UpstreamCall): Promise<Incoming[] | Response> {
  const contentType = call.c.req.header("content-type") ?? "";
  if (contentType.includes("application/json")) {
    const body = UploadByUrlBody.safeParse(call.json);
    if (!body.success) return invalidBody(call.endpoint, body.error);
    return body.data.urls.map((url) => ({
      filename: decodeURIComponent(new URL(url).pathname.split("/").pop() || "file"),
      media: { sourceUrl: url },
    }));
  }
  if (!contentType.includes("multipart/form-data"))
    return failure(call.endpoint, 422, { message: "multipart or JSON body expected" });
  const form = await call.c.req.parseBody({ all: true });
  const files = [form.files].flat().filter((f): f is File => f instanceof File);
  if (files.length === 0) return failure(call.endpoint, 422, { message: "no `files` in the form" });
  return Promise.all(
    files.map(async (f) => ({
      filename: f.name,
      media: {
        bytes: new Uint8Array(await f.arrayBuffer()),
        contentType: f.type || "application/octet-stream",
      },
    })),
  );
}

export const upload: Handler = async (call) => {
  const { world, endpoint, baseUrl } = call;
  const session = world.sessionOf(call.token.userId, call.param ?? "");
  if (!session) return failure(endpoint, UpstreamCode.SessionNotFound);
  const incoming = await readIncoming(call);
  if (incoming instanceof Response) return incoming;
  const checked: (Incoming & { kind: Kind })[] = [];
  for (const item of incoming) {
    const kind = kindOf(item.filename);
    if (!kind) {
      const message = `Unsupported file type: ${item.filename}. Accepted: ${ACCEPTED_EXTENSIONS.join(", ")}`;
      return failure(endpoint, UpstreamCode.UnsupportedFile, { message });
    }
    if ((bytesOf(item.media)?.length ?? 0) > world.config.maxUploadBytes) {
      const message = `File too large: ${item.filename} exceeds ${world.config.maxUploadBytes} bytes`;
      return failure(endpoint, UpstreamCode.FileTooLarge, { message });
    }
    checked.push({ ...item, kind });
  }
  const files: UploadedFile[] = checked.map(({ kind, filename, media }) => {
    const hash = createHash("sha256")
      .update("bytes" in media ? media.bytes : media.sourceUrl)
      .digest("hex");
    world.media.set(hash, media);
    return {
      filename,
      file_type: kind,
      cdn_url: `${baseUrl}/cdn/${hash}/${encodeURIComponent(filename)}`,
      ...metadata(kind, bytesOf(media)),
      hash,
    };
  });
  session.videoInfos.push(...files);
  return Response.json(okEnvelope({ files, session_state_applied: true }));
};

/** GET /cdn/:hash/:name: the uploaded bytes, or a redirect to the URL the file was imported from. */
export function serveUpload(c: Context<FakeEnv>, world: FakeWorld): Response {
  const record = world.media.get(c.req.param("hash") ?? "");
  if (!record) return new Response("not found", { status: 404 });
  if ("sourceUrl" in record) return Response.redirect(record.sourceUrl, 302);
  return new Response(record.bytes, { headers: { "Content-Type": record.contentType } });
}
