import { periodKey } from "@samspill/domain";
import { useCallback, useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { useSession } from "../auth/session.js";
import { PageHeading } from "../components/PageHeading.js";
import { SelectField } from "../components/SelectField.js";
import { QueryStatus } from "../components/Status.js";
import { enumLabel, languageLabel } from "../i18n/labels.js";
import { ExpiringAgreements, FlaggedList, GapList, ReviewsDue } from "./AttentionLists.js";
import { CoverageMatrix } from "./CoverageMatrix.js";
import { crossedAreaParams } from "./crossed/state.js";
import { ForumReviews } from "./ForumReviews.js";
import { dimensions, type OverviewFilters, readFilters, writeFilters } from "./filters.js";
import { LiveUpdates } from "./LiveUpdates.js";
import { matrixModel } from "./matrix.js";
import { AreasQuery, type Dimension, OverviewQuery, TrendsQuery } from "./queries.js";
import { TrendCharts } from "./TrendCharts.js";
import { defaultTrendPeriod, TrendPeriodPicker } from "./TrendPeriodPicker.js";
import "./overview.css";

// The joint overview for the health communities' forums: who offers what per municipality,
// the gaps, what needs the forum's attention, offers and participation over time, and the
// forum's own reviews. Public, except the reviews (forum members of the community only).
// It stays current by itself: a change anywhere in the area refetches it and says so politely.

export function OverviewPage() {
  const { t, i18n } = useTranslation();
  const session = useSession();
  const [params, setParams] = useSearchParams();
  const linked = readFilters(params);
  const [areas] = useQuery({ query: AreasQuery, variables: { first: 100 } });
  const trusts = areas.data?.trusts.edges.map((e) => e.node) ?? [];
  const communities = areas.data?.communities.edges.map((e) => e.node) ?? [];

  // A link without an area opens the reader's own: the health community they sit in the forum
  // of, else the hospital trust they work for, else the first trust. It is shown at once, then
  // written to the address so the view can be shared. Not the other way round: the router
  // changes the address first and renders the change later (in a transition), so for a moment
  // the address would name an area the page does not show yet.
  const me = session.status === "signedIn" ? session.me : null;
  const ownArea = useMemo(() => {
    if (linked.trust || linked.community || session.status === "loading" || !areas.data) return null;
    const communityIds = new Set(areas.data.communities.edges.map((e) => e.node.id));
    const trustIds = areas.data.trusts.edges.map((e) => e.node.id);
    const forum = me?.memberships.find((m) => communityIds.has(m.organisationId));
    const ownTrust = me?.memberships.find((m) => trustIds.includes(m.organisationId));
    if (forum) return { trust: null, community: forum.organisationId };
    const trust = ownTrust?.organisationId ?? trustIds[0];
    // No trust at all (an empty hub): nothing to choose, and nothing to write to the address.
    return trust ? { trust, community: null } : null;
  }, [linked.trust, linked.community, session.status, areas.data, me]);
  const filters: OverviewFilters = ownArea ? { ...linked, ...ownArea } : linked;
  const hasArea = !!(filters.trust || filters.community);
  useEffect(() => {
    if (ownArea) setParams(writeFilters({ ...readFilters(params), ...ownArea }), { replace: true });
  }, [ownArea, params, setParams]);

  const update = (next: Partial<OverviewFilters>, replace = false) =>
    setParams(writeFilters({ ...filters, ...next }), { replace });

  const scope = { trust: filters.trust, community: filters.community };
  const [trendPeriod, setTrendPeriod] = useState(() => defaultTrendPeriod());
  const [overviewResult, refetchOverview] = useQuery({
    query: OverviewQuery,
    variables: { ...scope, dimension: filters.dimension },
    pause: !hasArea,
  });
  const [trendsResult, refetchTrends] = useQuery({
    query: TrendsQuery,
    variables: { ...scope, period: periodKey(trendPeriod) },
    pause: !hasArea,
  });
  const overview = overviewResult.data?.overview;

  // Live updates: refetch on a change, announce once the new figures are in.
  const [announcement, setAnnouncement] = useState("");
  const pending = useRef<string | null>(null);
  const onChange = useCallback(
    (change: { changedAt: string }) => {
      pending.current = change.changedAt;
      refetchOverview({ requestPolicy: "network-only" });
      refetchTrends({ requestPolicy: "network-only" });
    },
    [refetchOverview, refetchTrends],
  );
  useEffect(() => {
    if (!overview || !pending.current) return;
    const time = new Intl.DateTimeFormat(t("meta.locale"), {
      hour: "2-digit",
      minute: "2-digit",
      second: "2-digit",
      timeZone: "Europe/Oslo",
    }).format(new Date(pending.current));
    pending.current = null;
    setAnnouncement(t("overview.live.updated", { time }));
  }, [overview, t]);

  const rowNumbers = new Set(overview?.rows.map((r) => r.municipalityNumber) ?? []);
  const liveTrusts = filters.trust
    ? [filters.trust]
    : [
        ...new Set(
          (areas.data?.municipalities ?? [])
            .filter((m) => rowNumbers.has(m.number) && m.hospitalTrust)
            .map((m) => m.hospitalTrust?.id ?? ""),
        ),
      ].sort();

  const trustName = trusts.find((o) => o.id === filters.trust)?.name;
  const communityName = communities.find((o) => o.id === filters.community)?.name;
  const areaName = [communityName, trustName].filter(Boolean).join(" – ");
  const forumMember =
    !!filters.community &&
    !!me?.memberships.some(
      (m) => m.organisationId === filters.community && (m.role === "FORUM_MEMBER" || m.role === "ADMIN"),
    );
  // A forum member flags a gap or an offer from the lists below to the organisation to answer.
  const flagCommunity = forumMember ? (filters.community ?? undefined) : undefined;

  const columnLabel = (dimension: Dimension) => (value: string) =>
    dimension === "PRIORITY_GROUP"
      ? enumLabel(t, "priorityGroup", value)
      : dimension === "DIAGNOSIS_GROUP"
        ? enumLabel(t, "diagnosisGroup", value)
        : dimension === "FORMAT"
          ? enumLabel(t, "format", value)
          : languageLabel(t, value);

  return (
    <>
      <PageHeading title={areaName ? `${t("overview.title")}: ${areaName}` : t("overview.title")}>
        {t("overview.title")}
      </PageHeading>
      <p className="lead">{t("overview.lead")}</p>
      <p className="screen-only">
        <Link to={`/overview/crossed?${crossedAreaParams(filters)}`}>{t("crossed.openCrossed")}</Link>
      </p>

      <form className="overview-filters screen-only" aria-label={t("overview.filters")}>
        <SelectField
          id="overview-community"
          label={t("overview.healthCommunity")}
          value={filters.community ?? ""}
          onChange={(community) => update({ community: community || null })}
          emptyLabel={t("overview.anyHealthCommunity")}
          options={communities.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          id="overview-trust"
          label={t("overview.hospitalTrust")}
          value={filters.trust ?? ""}
          onChange={(trust) => update({ trust: trust || null })}
          emptyLabel={t("overview.anyHospitalTrust")}
          options={trusts.map((c) => ({ value: c.id, label: c.name }))}
        />
        <SelectField
          id="overview-dimension"
          label={t("overview.dimension")}
          value={filters.dimension}
          onChange={(value) => update({ dimension: value as Dimension })}
          options={dimensions.map((d) => ({ value: d, label: t(`overview.dimensions.${d}`) }))}
        />
      </form>

      {/* Always in the page, so screen readers hear what is put in it later. */}
      <p className="live-note" role="status" aria-live="polite">
        {announcement}
      </p>
      {hasArea && overview && <LiveUpdates trustIds={liveTrusts} onChange={onChange} />}

      {!hasArea && areas.data && session.status !== "loading" && <p>{t("overview.chooseArea")}</p>}
      {filters.trust && trustName && (
        <p className="screen-only">
          <a
            href={`/export/posters/hospital-trusts/${filters.trust}.pdf?lang=${i18n.resolvedLanguage ?? "nb"}`}
          >
            {t("overview.poster", { area: trustName })}
          </a>
        </p>
      )}
      <QueryStatus
        fetching={(overviewResult.fetching && !overview) || areas.fetching}
        error={overviewResult.error}
      />

      {hasArea && overview && (
        <>
          <section aria-labelledby="matrix-heading" className="overview-section matrix-section">
            <h2 id="matrix-heading">{t("overview.matrixHeading")}</h2>
            <CoverageMatrix
              fileName={`samspill-oversikt-${filters.dimension.toLowerCase().replaceAll("_", "-")}`}
              hint={t("overview.captionHint")}
              model={matrixModel(overview, {
                caption: t("overview.caption", {
                  dimension: t(`overview.captionDimension.${overview.dimension}`),
                  area: areaName,
                }),
                corner: t("overview.municipality"),
                total: t("overview.total"),
                column: columnLabel(overview.dimension),
              })}
            />
          </section>
          <div className="overview-grid">
            <GapList gaps={overview.gaps} flagCommunity={flagCommunity} />
            <FlaggedList offers={overview.flaggedOffers} flagCommunity={flagCommunity} />
            <ExpiringAgreements agreements={overview.expiringAgreements} />
            <ReviewsDue offers={overview.reviewsDue} flagCommunity={flagCommunity} />
          </div>
          <TrendPeriodPicker period={trendPeriod} onChange={setTrendPeriod} />
          {trendsResult.data && <TrendCharts trends={trendsResult.data.overviewTrends} />}
          <QueryStatus fetching={false} error={trendsResult.error} />
          {forumMember && filters.community && (
            <ForumReviews communityId={filters.community} communityName={communityName ?? ""} />
          )}
        </>
      )}
    </>
  );
}
