// A failure as the API words it, in the page's current language: message, hint, and the action it offers.
import { type ErrorInfo, localizeError } from "../../model/api.ts";
import { lang, t } from "../../model/i18n.ts";
import "./style.css";

export function ErrorNote(props: { error: ErrorInfo; onRetry?: () => void }) {
  const { action } = props.error;
  const { message, hint } = localizeError(props.error, lang.value);
  const label = action ? t.value.errorActions[action.kind] : undefined;
  return (
    <div class="error-note" role="alert" data-code={props.error.code}>
      <p class="error-note__message">{message}</p>
      {hint && <p class="error-note__hint">{hint}</p>}
      {action?.url && label && (
        <a class="error-note__action" href={action.url} target="_blank" rel="noopener noreferrer">
          {label} →
        </a>
      )}
      {!action?.url && props.onRetry && (
        <button type="button" class="error-note__action" onClick={props.onRetry}>
          {t.value.retry}
        </button>
      )}
    </div>
  );
}
