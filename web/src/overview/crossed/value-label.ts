import { useTranslation } from "react-i18next";
import { enumLabel, languageLabel } from "../../i18n/labels.js";
import type { CrossDimension } from "./state.js";

/** A row or column value in the reader's language: vocabularies translated, places by name. */
export function useValueLabel() {
  const { t } = useTranslation();
  return (dimension: CrossDimension, v: { value: string; label: string }): string => {
    switch (dimension) {
      case "PRIORITY_GROUP":
        return enumLabel(t, "priorityGroup", v.value);
      case "DIAGNOSIS_GROUP":
        return enumLabel(t, "diagnosisGroup", v.value);
      case "FORMAT":
        return enumLabel(t, "format", v.value);
      case "LANGUAGE":
        return languageLabel(t, v.value);
      case "AUDIENCE":
        return t(`crossed.audiences.${v.value as "PATIENT" | "RELATIVE" | "BOTH"}`);
      case "MUNICIPALITY":
      case "HOSPITAL_TRUST":
        return v.label;
    }
  };
}
