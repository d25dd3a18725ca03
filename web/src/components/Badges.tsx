import type { AccessibilityFeature, OfferFormat } from "@samspill/domain";
import { useTranslation } from "react-i18next";
import { enumLabel, languageLabel } from "../i18n/labels.js";

/** Format, language and universal-design badges of an offer, as a labelled list. */
export function OfferBadges({
  format,
  languages,
  accessibility,
}: {
  format: OfferFormat;
  languages: string[];
  accessibility: AccessibilityFeature[];
}) {
  const { t } = useTranslation();
  return (
    <ul className="badges" aria-label={t("catalogue.badges")}>
      <li className={`badge badge-format badge-${format.toLowerCase()}`}>{enumLabel(t, "format", format)}</li>
      {languages.map((code) => (
        <li key={code} className="badge badge-language">
          <span className="visually-hidden">{t("catalogue.language")}: </span>
          {languageLabel(t, code)}
        </li>
      ))}
      {accessibility.map((feature) => (
        <li key={feature} className="badge badge-accessibility">
          {enumLabel(t, "accessibility", feature)}
        </li>
      ))}
    </ul>
  );
}
