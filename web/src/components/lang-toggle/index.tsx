// EN / 中文 switch for the whole page.
import { type Lang, lang, setLang } from "../../model/i18n.ts";
import "./style.css";

const CHOICES: [Lang, string][] = [
  ["en", "EN"],
  ["zh", "中文"],
];

export function LangToggle() {
  return (
    <fieldset class="lang-toggle">
      <legend class="visually-hidden">Language / 语言</legend>
      {CHOICES.map(([code, label]) => (
        <button
          key={code}
          type="button"
          lang={code === "zh" ? "zh-CN" : "en"}
          aria-pressed={lang.value === code}
          onClick={() => setLang(code)}
        >
          {label}
        </button>
      ))}
    </fieldset>
  );
}
