// Step 3: the conversation with the editor, its live status line and the message box.
import { useEffect, useRef } from "preact/hooks";
import { say } from "../../../../core/say.ts";
import { composerText, entries, status } from "../../model/chat.ts";
import { lang, t } from "../../model/i18n.ts";
import { chosenPreset } from "../../model/presets.ts";
import { ChatEntry } from "../chat-entry/index.tsx";
import { Composer } from "../composer/index.tsx";
import { Step } from "../step/index.tsx";
import "./style.css";

function Suggestions() {
  const starter = chosenPreset.value?.starter[lang.value];
  return (
    <div class="chat-panel__empty">
      <p>{starter ? t.value.chatEmpty : t.value.chatStart}</p>
      {starter && (
        <button type="button" class="chat-panel__suggestion" onClick={() => (composerText.value = starter)}>
          {starter}
        </button>
      )}
    </div>
  );
}

export function ChatPanel() {
  const scroller = useRef<HTMLDivElement>(null);
  const list = entries.value;
  const now = status.value;

  useEffect(() => {
    const el = scroller.current;
    if (el) el.scrollTop = el.scrollHeight;
  }, [list.length, now]);

  return (
    <Step n={3} title={t.value.stepChat} class="chat-panel">
      <div class="chat-panel__scroll" ref={scroller} aria-live="polite">
        {list.length === 0 && !now ? <Suggestions /> : list.map((e, i) => <ChatEntry key={i} entry={e} />)}
        {now && (
          <p class="chat-panel__status" role="status">
            <span class="spinner" aria-hidden="true" />
            {"say" in now ? say(now.say, lang.value) : t.value[now.words]}
          </p>
        )}
      </div>
      <Composer />
    </Step>
  );
}
