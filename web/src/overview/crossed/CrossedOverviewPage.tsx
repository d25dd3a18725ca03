import {
  audienceClasses,
  crossDimensions,
  diagnosisGroups,
  offerFormats,
  priorityGroups,
} from "@samspill/domain";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { useSession } from "../../auth/session.js";
import { PageHeading } from "../../components/PageHeading.js";
import { SelectField } from "../../components/SelectField.js";
import { QueryStatus } from "../../components/Status.js";
import { forumCommunitiesOf } from "../../forum-flags/flag-text.js";
import { enumOptions, languageOptions } from "../../i18n/labels.js";
import { AreasQuery } from "../queries.js";
import { CrossedGaps, gapsPageSize } from "./CrossedGaps.js";
import { CrossedTable } from "./CrossedTable.js";
import { flagGapHref } from "./flag-link.js";
import { CrossedOverviewQuery } from "./queries.js";
import { type CrossDimension, type CrossedState, readState, variablesOf, writeState } from "./state.js";
import "../overview.css";

// The crossed overview (/overview/crossed): published offers over any two dimensions (rows and
// columns), narrowed by the others, with the gaps listed and downloadable. The forum runs its
// meetings on it, so its pickers, table and gaps have stable ids and accessible names.

export function CrossedOverviewPage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const state = readState(params);
  const [offset, setOffset] = useState(0);
  const [areas] = useQuery({ query: AreasQuery, variables: { first: 100 } });
  const trusts = areas.data?.trusts.edges.map((e) => e.node) ?? [];
  const communities = areas.data?.communities.edges.map((e) => e.node) ?? [];
  // Without an area in the link, the first hospital trust, so the page always shows a table.
  const trust = state.trust ?? (state.community ? null : (trusts[0]?.id ?? null));
  const scoped: CrossedState = { ...state, trust };
  const hasArea = !!(scoped.trust || scoped.community);
  // A forum member flags a gap from the list, for the community shown or else their own.
  const session = useSession();
  const forums = session.status === "signedIn" ? forumCommunitiesOf(session.me.memberships) : [];
  const flagCommunity = (forums.find((f) => f.value === scoped.community) ?? forums[0])?.value;

  const [result] = useQuery({
    query: CrossedOverviewQuery,
    variables: { ...variablesOf(scoped), limit: gapsPageSize, offset },
    pause: !hasArea,
  });
  const overview = result.data?.crossedOverview;

  const update = (next: Partial<CrossedState>) => {
    setOffset(0);
    setParams(writeState({ ...scoped, ...next }), { replace: true });
  };
  const dimensionOptions = crossDimensions.map((d) => ({ value: d, label: t(`crossed.dimensions.${d}`) }));
  const areaName = [
    communities.find((c) => c.id === scoped.community)?.name,
    trusts.find((c) => c.id === scoped.trust)?.name,
  ]
    .filter(Boolean)
    .join(" – ");
  const filterSelect = (
    key: "priorityGroup" | "diagnosisGroup" | "format" | "audience",
    options: { value: string; label: string }[],
  ) => (
    <SelectField
      id={`crossed-filter-${key}`}
      label={t(`crossed.filters.${key}`)}
      value={state[key]}
      onChange={(value) => update({ [key]: value })}
      emptyLabel={t("crossed.filters.all")}
      options={options}
    />
  );

  return (
    <>
      <PageHeading title={areaName ? `${t("crossed.title")}: ${areaName}` : t("crossed.title")}>
        {t("crossed.title")}
      </PageHeading>
      <p className="lead">{t("crossed.lead")}</p>
      <p>
        <Link to="/overview">{t("crossed.backToOverview")}</Link>
      </p>

      <form
        className="overview-filters"
        aria-label={t("crossed.pickers")}
        onSubmit={(e) => e.preventDefault()}
      >
        <SelectField
          id="crossed-community"
          label={t("overview.healthCommunity")}
          value={scoped.community ?? ""}
          onChange={(community) => update({ community: community || null })}
          emptyLabel={t("overview.anyHealthCommunity")}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          id="crossed-trust"
          label={t("overview.hospitalTrust")}
          value={scoped.trust ?? ""}
          onChange={(value) => update({ trust: value || null })}
          emptyLabel={t("overview.anyHospitalTrust")}
          options={trusts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          id="crossed-rows"
          label={t("crossed.rows")}
          value={state.rows}
          onChange={(v) => update({ rows: v as CrossDimension })}
          options={dimensionOptions.filter((o) => o.value !== state.columns)}
        />
        <SelectField
          id="crossed-columns"
          label={t("crossed.columns")}
          value={state.columns}
          onChange={(v) => update({ columns: v as CrossDimension })}
          options={dimensionOptions.filter((o) => o.value !== state.rows)}
        />
      </form>

      <form
        className="overview-filters"
        aria-label={t("crossed.filters.label")}
        onSubmit={(e) => e.preventDefault()}
      >
        {filterSelect("priorityGroup", enumOptions(t, "priorityGroup", priorityGroups))}
        {filterSelect("diagnosisGroup", enumOptions(t, "diagnosisGroup", diagnosisGroups))}
        {filterSelect("format", enumOptions(t, "format", offerFormats))}
        {filterSelect(
          "audience",
          audienceClasses.map((a) => ({ value: a, label: t(`crossed.audiences.${a}`) })),
        )}
        <SelectField
          id="crossed-add-language"
          label={t("crossed.addLanguage")}
          hint={t("crossed.addLanguageHint")}
          value=""
          onChange={(code) => code && update({ showLanguage: [...new Set([...state.showLanguage, code])] })}
          emptyLabel={t("crossed.chooseLanguage")}
          options={languageOptions(t)}
        />
      </form>

      <QueryStatus fetching={(result.fetching && !overview) || areas.fetching} error={result.error} />
      {!hasArea && areas.data && <p>{t("overview.chooseArea")}</p>}
      {hasArea && overview && (
        <>
          <section aria-labelledby="crossed-table-heading" className="overview-section matrix-section">
            <h2 id="crossed-table-heading">{t("crossed.tableHeading")}</h2>
            <CrossedTable
              overview={overview}
              caption={t("crossed.caption", {
                rows: t(`crossed.dimensions.${overview.rowDimension}`),
                columns: t(`crossed.dimensions.${overview.columnDimension}`),
                area: areaName,
              })}
            />
          </section>
          <CrossedGaps
            overview={overview}
            below={state.below}
            sort={state.sort}
            offset={offset}
            csvHref={`/export/crossed-gaps.csv?${writeState(scoped).toString()}`}
            onBelow={(below) => update({ below })}
            onSort={(sort) => update({ sort })}
            onOffset={setOffset}
            flagHref={
              flagCommunity
                ? (g) =>
                    flagGapHref(flagCommunity, scoped, [
                      [overview.rowDimension as CrossDimension, g.row.value],
                      [overview.columnDimension as CrossDimension, g.column.value],
                    ])
                : undefined
            }
          />
        </>
      )}
    </>
  );
}
