// Small previews made in the browser: a photo scaled down, a frame from a video; nothing leaves the device for them.

const SIZE = 96;

function toUrl(canvas: HTMLCanvasElement): Promise<string | null> {
  return new Promise((resolve) =>
    canvas.toBlob((b) => resolve(b ? URL.createObjectURL(b) : null), "image/jpeg", 0.8),
  );
}

/** Draws `source` (w×h) cropped to a square SIZE×SIZE canvas. */
function square(source: CanvasImageSource, w: number, h: number): HTMLCanvasElement {
  const canvas = document.createElement("canvas");
  canvas.width = canvas.height = SIZE;
  const side = Math.min(w, h);
  canvas.getContext("2d")?.drawImage(source, (w - side) / 2, (h - side) / 2, side, side, 0, 0, SIZE, SIZE);
  return canvas;
}

async function photo(file: File): Promise<string | null> {
  const bitmap = await createImageBitmap(file);
  try {
    return await toUrl(square(bitmap, bitmap.width, bitmap.height));
  } finally {
    bitmap.close();
  }
}

/** A frame a little into the clip (the first is often black), once the browser can decode it. */
function videoFrame(file: File): Promise<string | null> {
  const src = URL.createObjectURL(file);
  const video = document.createElement("video");
  video.muted = true;
  video.playsInline = true;
  video.preload = "auto";
  return new Promise<string | null>((resolve) => {
    const give = (url: string | null) => {
      clearTimeout(timer);
      video.removeAttribute("src");
      video.load();
      URL.revokeObjectURL(src);
      resolve(url);
    };
    const timer = setTimeout(() => give(null), 10_000);
    video.onloadedmetadata = () => {
      video.currentTime = Math.min(1, (video.duration || 0) / 3);
    };
    video.onseeked = () =>
      toUrl(square(video, video.videoWidth, video.videoHeight)).then(give, () => give(null));
    video.onerror = () => give(null);
    video.src = src;
  });
}

/** A preview of a photo or video as an object URL, or null (audio, or a file the browser cannot read). */
export function makeThumbnail(file: File): Promise<string | null> {
  const make = file.type.startsWith("image/")
    ? photo(file)
    : file.type.startsWith("video/")
      ? videoFrame(file)
      : Promise.resolve(null);
  return make.catch(() => null);
}
