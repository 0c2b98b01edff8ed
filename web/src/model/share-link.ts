// Reads a share link `/p/:preset?prompt=&title=` once at start-up.
export interface ShareLink {
  preset: string;
  prompt: string;
  title: string;
}

export function readShareLink(loc: Location = location): ShareLink | null {
  const m = /^\/p\/([\w-]+)\/?$/.exec(loc.pathname);
  if (!m) return null;
  const q = new URLSearchParams(loc.search);
  return { preset: m[1], prompt: q.get("prompt")?.trim() ?? "", title: q.get("title")?.trim() ?? "" };
}

/** Leaves the share URL once it has been used, so a reload reopens the project instead of starting over. */
export function leaveShareLink(): void {
  if (location.pathname.startsWith("/p/")) history.replaceState(null, "", "/");
}
