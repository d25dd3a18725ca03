import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { PageHeading } from "../components/PageHeading.js";

export function NotFoundPage() {
  const { t } = useTranslation();
  return (
    <>
      <PageHeading>{t("notFound.title")}</PageHeading>
      <p>{t("notFound.body")}</p>
      <p>
        <Link to="/">{t("notFound.home")}</Link>
      </p>
    </>
  );
}
