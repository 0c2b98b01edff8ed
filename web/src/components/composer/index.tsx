// The message box: Enter sends (not while an IME is composing), Shift+Enter breaks the line.
import { composerText, send, sending } from "../../model/chat.ts";
import { t } from "../../model/i18n.ts";
import { chosenPresetId } from "../../model/presets.ts";
import "./style.css";

export function Composer() {
  const enabled = chosenPresetId.value !== null;
  const canSend = enabled && !sending.value && composerText.value.trim() !== "";
  return (
    <form
      class="composer"
      onSubmit={(e) => {
        e.preventDefault();
        if (canSend) send();
      }}
    >
      <textarea
        class="composer__input"
        rows={2}
        value={composerText.value}
        placeholder={enabled ? t.value.composerPlaceholder : t.value.pickPresetFirst}
        aria-label={t.value.composerPlaceholder}
        disabled={!enabled}
        onInput={(e) => {
          composerText.value = e.currentTarget.value;
        }}
        onKeyDown={(e) => {
          if (e.key === "Enter" && !e.shiftKey && !e.isComposing) {
            e.preventDefault();
            if (canSend) send();
          }
        }}
      />
      <button type="submit" class="btn btn--primary composer__send" disabled={!canSend}>
        {sending.value ? t.value.sending : t.value.send}
      </button>
    </form>
  );
}
