// One item of the conversation: a message bubble, a notice, the edit's summary and changes, or an error.
import { type Entry, send } from "../../model/chat.ts";
import { t } from "../../model/i18n.ts";
import { ErrorNote } from "../error-note/index.tsx";
import "./style.css";

export function ChatEntry(props: { entry: Entry }) {
  const e = props.entry;
  switch (e.kind) {
    case "user":
    case "agent":
      return (
        <div class={`chat-entry chat-entry--${e.kind}`}>
          <span class="visually-hidden">{e.kind === "user" ? t.value.you : t.value.editor}: </span>
          <p class="chat-entry__bubble">{e.text}</p>
        </div>
      );
    case "notice":
      return <p class="chat-entry chat-entry--notice">{e.text}</p>;
    case "state":
      return (
        <div class="chat-entry chat-entry--state">
          <p class="chat-entry__label">{t.value.changes}</p>
          <ul class="chat-entry__changes">
            {e.changes.map((c) => (
              <li key={c}>{c}</li>
            ))}
          </ul>
          <p class="chat-entry__summary">{e.summary}</p>
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
