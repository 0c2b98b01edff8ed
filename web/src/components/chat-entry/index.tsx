// One item of the conversation: a message bubble, a notice, the edit's changes, or an error, in the page's language.
import { changeText } from "../../../../core/draft-diff.ts";
import { say } from "../../../../core/say.ts";
import { type Entry, send } from "../../model/chat.ts";
import { lang, t } from "../../model/i18n.ts";
import { ErrorNote } from "../error-note/index.tsx";
import "./style.css";

export function ChatEntry(props: { entry: Entry }) {
  const e = props.entry;
  switch (e.kind) {
    case "user":
    case "agent":
    case "notice": {
      const text = e.words ? t.value[e.words] : e.say ? say(e.say, lang.value) : e.text;
      if (e.kind === "notice") return <p class="chat-entry chat-entry--notice">{text}</p>;
      return (
        <div class={`chat-entry chat-entry--${e.kind}`}>
          <span class="visually-hidden">{e.kind === "user" ? t.value.you : t.value.editor}: </span>
          <p class="chat-entry__bubble">{text}</p>
        </div>
      );
    }
    case "state":
      return (
        <div class="chat-entry chat-entry--state">
          <p class="chat-entry__label">{t.value.changes}</p>
          <ul class="chat-entry__changes">
            {e.changes.map((c, i) => (
              <li key={i}>{changeText(c, lang.value)}</li>
            ))}
          </ul>
        </div>
      );
    case "error": {
      const resend = e.resend;
      return (
        <div class="chat-entry chat-entry--error">
          <ErrorNote error={e.error} onRetry={resend ? () => send(resend) : undefined} />
        </div>
      );
    }
  }
}
