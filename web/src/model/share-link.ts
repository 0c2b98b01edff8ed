// The links the page can open at: a preset share link `/p/:preset?prompt=&title=`, or one shared export `/s/:token`.
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

/** The token of a shared export's page, when the page is one. */
export function sharedToken(loc: Location = location): string | null {
  return /^\/s\/([A-Za-z0-9_-]+)\/?$/.exec(loc.pathname)?.[1] ?? null;
}
