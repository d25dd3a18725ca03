import { useTranslation } from "react-i18next";

/** The error summary's names for the report's fields (the gateway's input names). */
export function useFieldLabels(): Record<string, string> {
  const { t } = useTranslation();
  const own = t("participation", { returnObjects: true }) as Record<string, string>;
  return { ...own, offerId: t("participation.offerId"), reporterId: t("participation.reporter") };
}
