import { parsePeriodKey } from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { ListPager } from "../components/ListPager.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel } from "../i18n/labels.js";
import { AllOrganisationsQuery } from "../shared/organisations.js";
import { A0099Chart } from "./A0099Chart.js";
import { A0099Query } from "./a0099-queries.js";
import { PeriodSelect } from "./PeriodSelect.js";

// /courses/a0099: the A0099 indicator per hospital trust, unit and diagnosis group for a period
// of the grid, with its definition, a chart, the table and the CSV and JSON exports of the same
// figures. The choice lives in the URL (?period=, ?trust=).

const show = (v: number | null) => (v === null ? "–" : String(v));
/** Rows a page: a year of the whole region fits one. */
const pageSize = 1000;

export function A0099Page() {
  const { t, i18n } = useTranslation();
  const [params, setParams] = useSearchParams();
  const period = parsePeriodKey(params.get("period") ?? "")
    ? params.get("period")!
    : String(new Date().getFullYear());
  const trust = params.get("trust") ?? "";
  const [orgs] = useQuery({ query: AllOrganisationsQuery, variables: { first: 500 } });
  const trusts = (orgs.data?.organisations.edges.map((e) => e.node) ?? []).filter(
    (o) => o.kind === "HOSPITAL_TRUST",
  );
  const [offset, setOffset] = useState(0);
  const [{ data, fetching, error }] = useQuery({
    query: A0099Query,
    variables: { period, hospitalTrustId: trust || null, limit: pageSize, offset },
  });
  const set = (key: string, value: string) => {
    setOffset(0);
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    setParams(next, { replace: true });
  };
  const a = data?.a0099Activity;
  const query = new URLSearchParams({ period, ...(trust ? { hospitalTrust: trust } : {}) }).toString();
  return (
    <>
      <PageHeading>{t("courses.a0099.title")}</PageHeading>
      {a && <p>{i18n.language === "en" ? a.definitionEn : a.definitionNb}</p>}
      {a && <p className="hint">{t("courses.a0099.source", { source: a.source })}</p>}
      <form className="filters" onSubmit={(e) => e.preventDefault()}>
        <PeriodSelect value={period} onChange={(v) => set("period", v)} />
        <SelectField
          id="a0099-trust"
          label={t("courses.a0099.trust")}
          value={trust}
          emptyLabel={t("courses.a0099.allTrusts")}
          options={trusts.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => set("trust", v)}
        />
      </form>
      <p>
        {t("courses.a0099.export")}: <a href={`/export/a0099.csv?${query}`}>CSV</a> ·{" "}
        <a href={`/export/a0099.json?${query}`}>JSON</a>
      </p>
      <QueryStatus fetching={fetching && !a} error={error} />
      {a && a.rows.length === 0 && <p>{t("courses.a0099.none")}</p>}
      {a && a.rows.length > 0 && (
        <>
          <A0099Chart activity={a} />
          <table className="data-table">
            <caption>{t("courses.a0099.tableCaption", { period: a.period })}</caption>
            <thead>
              <tr>
                <th scope="col">{t("courses.a0099.trust")}</th>
                <th scope="col">{t("courses.a0099.unit")}</th>
                <th scope="col">{t("courses.a0099.group")}</th>
                <th scope="col">{t("courses.a0099.activities")}</th>
                <th scope="col">{t("courses.a0099.patients")}</th>
                <th scope="col">{t("courses.a0099.relatives")}</th>
                <th scope="col">{t("courses.a0099.participants")}</th>
              </tr>
            </thead>
            <tbody>
              {a.rows.map((r) => (
                <tr key={`${r.hospitalTrust.id}|${r.unitName}|${r.diagnosisGroup}`}>
                  <th scope="row">{r.hospitalTrust.name}</th>
                  <td>{r.unitName ?? t("courses.a0099.noUnit")}</td>
                  <td>
                    {r.diagnosisGroup
                      ? enumLabel(t, "diagnosisGroup", r.diagnosisGroup)
                      : t("courses.a0099.noGroup")}
                  </td>
                  <td>{r.activities}</td>
                  <td>{show(r.patients)}</td>
                  <td>{show(r.relatives)}</td>
                  <td>{show(r.participants)}</td>
                </tr>
              ))}
            </tbody>
            <tfoot>
              <tr>
                <th scope="row" colSpan={3}>
                  {t("courses.a0099.total")}
                </th>
                <td>{a.total.activities}</td>
                <td>{show(a.total.patients)}</td>
                <td>{show(a.total.relatives)}</td>
                <td>{show(a.total.participants)}</td>
              </tr>
            </tfoot>
          </table>
          <ListPager offset={offset} pageSize={pageSize} shown={a.rows.length} onOffset={setOffset} />
          <p className="hint">{t("courses.suppressed", { threshold: a.smallCountThreshold })}</p>
        </>
      )}
    </>
  );
}
