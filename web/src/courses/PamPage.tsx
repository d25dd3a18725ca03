import { parsePeriodKey } from "@samspill/domain";
import { useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { useSearchParams } from "react-router";
import { useQuery } from "urql";
import { ListPager } from "../components/ListPager.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { AllOrganisationsQuery } from "../shared/organisations.js";
import { PamFigures, PamRowsTable } from "./PamFigures.js";
import { PeriodSelect } from "./PeriodSelect.js";
import { PamSummaryQuery } from "./pam-queries.js";

// /courses/pam: PAM before and after, per provider (one row per course run) or per region (one
// row per provider), for a period of the grid. The choice lives in the URL (?provider= or
// ?region=, ?period=), so a page can be linked to.

/** Rows (course runs or providers) a page. */
const pageSize = 200;

export function PamPage() {
  const { t } = useTranslation();
  const ids = useId();
  const [params, setParams] = useSearchParams();
  const region = params.get("region");
  const provider = params.get("provider");
  const period = parsePeriodKey(params.get("period") ?? "")
    ? params.get("period")!
    : String(new Date().getFullYear());
  const [orgs] = useQuery({ query: AllOrganisationsQuery, variables: { first: 500 } });
  const all = orgs.data?.organisations.edges.map((e) => e.node) ?? [];
  const regions = all.filter((o) => o.kind === "REGIONAL_HEALTH_AUTHORITY");
  const scope = provider ? { providerId: provider } : region ? { regionId: region } : null;
  const [offset, setOffset] = useState(0);
  const [{ data, fetching, error }] = useQuery({
    query: PamSummaryQuery,
    variables: { ...scope, period, limit: pageSize, offset },
    pause: !scope,
  });
  const set = (key: string, value: string) => {
    setOffset(0);
    const next = new URLSearchParams(params);
    if (value) next.set(key, value);
    else next.delete(key);
    if (key === "provider" && value) next.delete("region");
    if (key === "region" && value) next.delete("provider");
    setParams(next, { replace: true });
  };
  const summary = data?.pamResultsSummary;
  const name = all.find((o) => o.id === (provider ?? region))?.name ?? "";
  return (
    <>
      <PageHeading>{t("courses.pam.title")}</PageHeading>
      <p>{t("courses.pam.intro")}</p>
      <form className="filters" aria-labelledby={`${ids}-choose`} onSubmit={(e) => e.preventDefault()}>
        <h2 id={`${ids}-choose`} className="visually-hidden">
          {t("courses.pam.choose")}
        </h2>
        <SelectField
          id="pam-region"
          label={t("courses.pam.region")}
          value={region ?? ""}
          emptyLabel={t("courses.pam.none")}
          options={regions.map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => set("region", v)}
        />
        <SelectField
          id="pam-provider"
          label={t("courses.pam.provider")}
          value={provider ?? ""}
          emptyLabel={t("courses.pam.none")}
          options={all
            .filter((o) => o.kind !== "REGIONAL_HEALTH_AUTHORITY")
            .map((o) => ({ value: o.id, label: o.name }))}
          onChange={(v) => set("provider", v)}
        />
        <PeriodSelect value={period} onChange={(v) => set("period", v)} />
      </form>
      {!scope && <p>{t("courses.pam.pick")}</p>}
      <QueryStatus fetching={fetching && !summary} error={error} />
      {scope && summary && (
        <section aria-labelledby={`${ids}-result`}>
          <h2 id={`${ids}-result`}>{t("courses.pam.resultHeading", { name, period: summary.period })}</h2>
          <PamFigures
            figures={summary}
            threshold={summary.smallCountThreshold}
            caption={t("courses.pam.distributionCaption", { name, period: summary.period })}
          />
          <PamRowsTable
            rows={summary.rows}
            caption={provider ? t("courses.pam.runsCaption") : t("courses.pam.providersCaption")}
          />
          <ListPager offset={offset} pageSize={pageSize} shown={summary.rows.length} onOffset={setOffset} />
        </section>
      )}
    </>
  );
}
