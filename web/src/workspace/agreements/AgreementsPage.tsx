import { useMemo } from "react";
import { useTranslation } from "react-i18next";
import { Link } from "react-router";
import { useQuery } from "urql";
import { QueryStatus } from "../../components/Status.js";
import { formatDate } from "../../format.js";
import { enumLabel } from "../../i18n/labels.js";
import { OrganisationSection, type SectionContext } from "../OrganisationSection.js";
import { AgreementsQuery } from "./queries.js";

export function AgreementsPage() {
  const { t } = useTranslation();
  return (
    <OrganisationSection
      heading={(name) => t("agreements.title", { name })}
      intro={t("agreements.intro")}
      newItem={{ path: "agreements/new", label: t("agreements.new") }}
    >
      {(section) => <Agreements {...section} />}
    </OrganisationSection>
  );
}

/** "1. januar 2025 – løpende" or with the end date and how soon it comes. */
export function usePeriod() {
  const { t } = useTranslation();
  return (a: { validFrom: string; validTo: string | null; expiresInDays: number | null }) => {
    const end = a.validTo ? formatDate(a.validTo) : t("agreements.openEnded");
    const soon =
      a.expiresInDays === null
        ? ""
        : a.expiresInDays < 0
          ? ` (${t("agreements.expired")})`
          : a.expiresInDays <= 90
            ? ` (${t("agreements.expiresIn", { count: a.expiresInDays })})`
            : "";
    return `${formatDate(a.validFrom)} – ${end}${soon}`;
  };
}

function Agreements({ orgId, name }: SectionContext) {
  const { t } = useTranslation();
  const period = usePeriod();
  const context = useMemo(() => ({ additionalTypenames: ["Agreement"] }), []);
  const [{ data, fetching, error }] = useQuery({
    query: AgreementsQuery,
    variables: { filter: { organisationId: orgId }, first: 100 },
    context,
  });
  const agreements = data?.agreements.edges.map((e) => e.node) ?? [];
  return (
    <>
      <QueryStatus fetching={fetching} error={error} />
      {data && agreements.length === 0 && <p>{t("agreements.none")}</p>}
      {agreements.length > 0 && (
        <table className="data-table">
          <caption className="visually-hidden">{t("agreements.title", { name })}</caption>
          <thead>
            <tr>
              <th scope="col">{t("agreements.title_field")}</th>
              <th scope="col">{t("agreements.parties")}</th>
              <th scope="col">{t("agreements.period")}</th>
              <th scope="col">{t("agreements.status")}</th>
            </tr>
          </thead>
          <tbody>
            {agreements.map((a) => (
              <tr key={a.id}>
                <td>
                  <Link to={`/workspace/${orgId}/agreements/${a.id}`}>{a.title}</Link>
                  {a.subAgreement && <span className="muted"> · {a.subAgreement}</span>}
                </td>
                <td>
                  {a.parties.map((p) => p.organisation.name).join(", ")}
                  {a.partyCount > a.parties.length &&
                    ` ${t("agreements.moreParties", { count: a.partyCount - a.parties.length })}`}
                </td>
                <td>{period(a)}</td>
                <td>{enumLabel(t, "agreementStatus", a.status)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </>
  );
}
