// Signed media links for the upstream: no cookie, the HMAC signature (bound to one user, with expiry) is the key.
import { createRoute } from "@hono/zod-openapi";
import { MediaParams, MediaQuery } from "../../core/api.ts";
import { ReelsmithError } from "../../core/errors.ts";
import { mediaObjectKey, verifyMediaLink } from "../../core/media-link.ts";
import { mimeOf } from "../../core/media-type.ts";
import { purposeKey } from "../config.ts";
import { serveObject } from "../r2-response.ts";
import { file, PUBLIC, refusals, routes } from "../route-kit.ts";

const getMedia = createRoute({
  method: "get",
  path: "/{owner}/{file}",
  tags: ["Media"],
  summary: "A short-lived signed link to an uploaded file, for the editor (no cookie; Range supported)",
  ...PUBLIC,
  request: { params: MediaParams, query: MediaQuery },
  responses: { ...file("*/*", "The file, typed by its true media type"), ...refusals },
});

export const media = routes().openapi(getMedia, async (c) => {
  const { owner, file } = c.req.valid("param");
  const ref = await verifyMediaLink(
    `${owner}/${file}`,
    c.req.valid("query"),
    await purposeKey(c.env, "media-link"),
  );
  if (ref === "invalid") throw new ReelsmithError("media_link_invalid");
  if (ref === "expired") throw new ReelsmithError("media_link_expired");
  return serveObject(c, mediaObjectKey(ref.userId, ref.uploadId), {
    contentType: mimeOf(ref.ext),
    disposition: "inline-name",
  });
});
