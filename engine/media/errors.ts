// Why an upload was refused: the upstream's 4001/4002 codes, or 422 for a URL that could not be fetched.
import { ACCEPTED_EXTENSIONS, UpstreamCode } from "../../core/contract.ts";

export class MediaRejected extends Error {
  constructor(
    readonly code: number,
    message: string,
  ) {
    super(message);
  }
}

export const unsupported = (what: string) =>
  new MediaRejected(
    UpstreamCode.UnsupportedFile,
    `Unsupported file type: ${what}. Accepted: ${ACCEPTED_EXTENSIONS.join(", ")}`,
  );

export const tooLarge = (maxBytes: number) =>
  new MediaRejected(
    UpstreamCode.FileTooLarge,
    `File too large: the limit is ${Math.floor(maxBytes / 1024 / 1024)} MB`,
  );

export const fetchFailed = (url: string, why: string) =>
  new MediaRejected(422, `Could not fetch ${url}: ${why}`);
