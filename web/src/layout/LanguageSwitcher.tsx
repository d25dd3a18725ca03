import { useTranslation } from "react-i18next";
import { availableLanguages, chooseLanguage } from "../i18n/index.js";

// One button per language, each named in its own language: switching happens on a deliberate
// press, never while arrowing through a list (WCAG 3.2.2), and a reader of the other language
// finds their own name for it. A press is remembered; until then the browser's languages decide.
export function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  return (
    <fieldset className="language-switcher">
      <legend>{t("language.label")}</legend>
      {availableLanguages.map((l) => (
        <button
          key={l.code}
          type="button"
          lang={l.code}
          className="language-button"
          aria-pressed={i18n.resolvedLanguage === l.code}
          onClick={() => void chooseLanguage(l.code)}
        >
          {l.name}
        </button>
      ))}
    </fieldset>
  );
}
