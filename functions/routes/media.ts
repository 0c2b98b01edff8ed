// Signed media links for the upstream: no cookie, the HMAC signature (bound to one user, with expiry) is the key.
import { Hono } from "hono";
import { mediaObjectKey, verifyMediaLink } from "../../core/media-link.ts";
import { mimeOf } from "../../core/media-type.ts";
import type { AppEnv } from "../context.ts";
import { fail } from "../errors.ts";
import { serveObject } from "../r2-response.ts";

export const media = new Hono<AppEnv>().get("/:owner/:file", async (c) => {
  const ref = await verifyMediaLink(
    `${c.req.param("owner")}/${c.req.param("file")}`,
    { exp: c.req.query("exp"), sig: c.req.query("sig") },
    c.env.SECRET,
  );
  if (ref === "invalid") return fail(c, "media_link_invalid");
  if (ref === "expired") return fail(c, "media_link_expired");
  const res = await serveObject(c.env.MEDIA, mediaObjectKey(ref.userId, ref.uploadId), c.req.raw, {
    contentType: mimeOf(ref.ext),
    disposition: "inline-name",
  });
  return res ?? fail(c, "not_found");
});
