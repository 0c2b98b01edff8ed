import { describe, expect, it } from "vitest";
import { attachmentDisposition } from "./download-name.ts";

describe("download names", () => {
  it("names the file after the project, with an ASCII fallback and the exact name in filename*", () => {
    expect(attachmentDisposition("Spring Sale", "mp4")).toBe(
      `attachment; filename="Spring Sale.mp4"; filename*=UTF-8''Spring%20Sale.mp4`,
    );
    expect(attachmentDisposition("春季新品 Café", "mp4")).toBe(
      `attachment; filename="Cafe.mp4"; filename*=UTF-8''%E6%98%A5%E5%AD%A3%E6%96%B0%E5%93%81%20Caf%C3%A9.mp4`,
    );
    expect(attachmentDisposition("小红书", "mp4")).toMatch(
      /^attachment; filename="video\.mp4"; filename\*=UTF-8''%E5/,
    );
  });

  it("cannot be bent into a path, a header break or another parameter", () => {
    const d = attachmentDisposition('../../etc/"passwd"\r\nX-Evil: 1; a=b', "mp4");
    expect(d).not.toMatch(/[\r\n]|\.\.\/|\\"/);
    expect(d.split(";").length).toBe(3);
    expect(attachmentDisposition("   ...  ", "mp4")).toBe(
      `attachment; filename="video.mp4"; filename*=UTF-8''video.mp4`,
    );
  });
});
