// The page of one shared export (/s/:token): its title, the video with its poster, and a way to make one's own.
import { signal } from "@preact/signals";
import { useEffect } from "preact/hooks";
import { call, type SharedExportInfo, shared as sharedApi } from "../../model/api.ts";
import { lang, t } from "../../model/i18n.ts";
import "./style.css";

const shared = signal<SharedExportInfo | "missing" | null>(null);

export function SharedVideo(props: { token: string }) {
  const tr = t.value;
  const info = shared.value;

  useEffect(() => {
    call(sharedApi[":token"].info.$get({ param: { token: props.token } }))
      .then((info) => {
        shared.value = info;
      })
      .catch(() => {
        shared.value = "missing";
      });
  }, [props.token]);

  useEffect(() => {
    document.title = info && info !== "missing" ? `${info.title} · Reelsmith` : "Reelsmith";
  }, [info]);

  if (info === null) return <main class="shared-video" aria-busy="true" />;
  if (info === "missing")
    return (
      <main class="shared-video">
        <p class="shared-video__gone">{tr.sharedGone}</p>
        <a class="btn btn--primary" href="/">
          {tr.openApp}
        </a>
      </main>
    );
  return (
    <main class="shared-video">
      <h1 class="shared-video__title">{info.title}</h1>
      {/* biome-ignore lint/a11y/useMediaCaption: titles and captions are burned into the picture */}
      <video
        class="shared-video__player"
        src={info.videoUrl}
        poster={info.coverUrl ?? undefined}
        controls
        playsInline
        preload="metadata"
      />
      <p class="shared-video__made">
        {tr.madeWith}
        {info.duration ? ` · ${tr.seconds(info.duration)}` : ""}
      </p>
      <a class="btn btn--primary" href={`/p/${info.preset}?lang=${lang.value}`}>
        {tr.makeYourOwn}
      </a>
    </main>
  );
}
