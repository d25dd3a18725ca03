import { graphql, type ResultOf } from "@samspill/graphql";
import { lazy, Suspense, useId, useState } from "react";
import { useTranslation } from "react-i18next";
import { Link, useSearchParams } from "react-router";
import { useQuery } from "urql";
import { OfferBadges } from "../components/Badges.js";
import { PageHeading } from "../components/PageHeading.js";
import { QueryStatus } from "../components/Status.js";
import { formatDateTime } from "../format.js";
import { enumLabel } from "../i18n/labels.js";
import { type FacetCounts, Facets } from "./Facets.js";
import { type CatalogueFilters, hasFilters, readFilters, toOfferFilter, writeFilters } from "./filters.js";
import type { MapPoint } from "./ResultsMap.js";

// Leaflet touches `window` when it loads and weighs more than the rest of the page: it is fetched
// only when there are results to map (and never by code that reads the router outside a browser).
const ResultsMap = lazy(() => import("./ResultsMap.js").then((m) => ({ default: m.ResultsMap })));

const pageSize = 10;

const CatalogueQuery = graphql(`
  query Catalogue($filter: OfferFilter, $first: Int, $after: String, $last: Int, $before: String) {
    offers(filter: $filter, first: $first, after: $after, last: $last, before: $before) {
      totalCount
      pageInfo {
        hasNextPage
        hasPreviousPage
        startCursor
        endCursor
      }
      edges {
        node {
          id
          title
          summary
          textLanguage
          kind
          format
          languages
          accessibility
          provider {
            id
            name
          }
          sessions(upcomingOnly: true) {
            id
            startsAt
            cancelled
          }
          # Enough to place a trust's course near the reader; the whole catchment would cost too much.
          municipalities(limit: 40) {
            number
            name
            latitude
            longitude
          }
        }
      }
    }
    offerFacets(filter: $filter) {
      formats { value count }
      languages { value count }
      audiences { value count }
      kinds { value count }
      diagnosisGroups { value count }
      municipalities { value count }
      daysOfWeek { value count }
      timesOfDay { value count }
      origin { name latitude longitude }
    }
  }
`);
type FacetsResult = ResultOf<typeof CatalogueQuery>["offerFacets"];

function facetCounts(facets: FacetsResult | undefined): FacetCounts | undefined {
  if (!facets) return undefined;
  const { origin: _origin, ...lists } = facets;
  return Object.fromEntries(
    Object.entries(lists)
      // urql adds `__typename` to every selection: only the facets' lists are counts.
      .filter((entry): entry is [string, { value: string; count: number }[]] => Array.isArray(entry[1]))
      .map(([facet, list]) => [facet, Object.fromEntries(list.map((f) => [f.value, f.count]))]),
  ) as FacetCounts;
}

/** Each offer at the municipality it serves nearest the place searched from (or its first). */
function mapPoints(
  offers: readonly CatalogueOffer[],
  origin: FacetsResult["origin"] | undefined,
): MapPoint[] {
  const squared = (m: { latitude: number; longitude: number }) =>
    origin ? (m.latitude - origin.latitude) ** 2 + (m.longitude - origin.longitude) ** 2 : 0;
  return offers.flatMap((offer) => {
    const placed = offer.municipalities.flatMap((m) =>
      m.latitude === null || m.longitude === null
        ? []
        : [{ ...m, latitude: m.latitude, longitude: m.longitude }],
    );
    const at = placed.sort((a, b) => squared(a) - squared(b))[0];
    return at
      ? [{ id: offer.id, title: offer.title, place: at.name, latitude: at.latitude, longitude: at.longitude }]
      : [];
  });
}

type CatalogueOffer = ResultOf<typeof CatalogueQuery>["offers"]["edges"][number]["node"];

export function CataloguePage() {
  const { t } = useTranslation();
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const after = params.get("after");
  const before = params.get("before");
  const [{ data, fetching, error }] = useQuery({
    query: CatalogueQuery,
    variables: {
      filter: toOfferFilter(filters),
      ...(before ? { last: pageSize, before } : { first: pageSize, after }),
    },
  });

  // Any change of filter starts from the first page. Synchronously: a ticked box must stay
  // ticked, not flick back until the (otherwise transitional) navigation lands.
  const apply = (next: CatalogueFilters) => setParams(writeFilters(next), { flushSync: true });
  const page = (cursor: { after?: string; before?: string }) => {
    const next = writeFilters(filters);
    if (cursor.after) next.set("after", cursor.after);
    if (cursor.before) next.set("before", cursor.before);
    setParams(next, { flushSync: true });
    // The clicked button may be gone on the new page: start reading at the results instead.
    document.getElementById("results-heading")?.focus();
  };
  const exportQuery = writeFilters(filters, { forExport: true }).toString();
  const offers = data?.offers;

  return (
    <div className="catalogue">
      <PageHeading>{t("catalogue.title")}</PageHeading>
      <p className="lead">{t("catalogue.intro")}</p>
      <SearchForm key={filters.text} text={filters.text} onSearch={(text) => apply({ ...filters, text })} />
      <div className="catalogue-layout">
        <section className="filter-panel" aria-labelledby="filters-heading">
          <h2 id="filters-heading">{t("catalogue.filters")}</h2>
          {hasFilters(filters) && (
            <button
              type="button"
              className="button button-link"
              onClick={() => setParams(new URLSearchParams())}
            >
              {t("catalogue.clearFilters")}
            </button>
          )}
          <Facets filters={filters} onChange={apply} counts={facetCounts(data?.offerFacets)} />
        </section>
        <section className="results" aria-labelledby="results-heading">
          <div className="results-header">
            <h2 id="results-heading" tabIndex={-1}>
              {t("catalogue.resultsHeading")}
            </h2>
            <a
              className="button button-secondary"
              href={`/export/offers.csv${exportQuery ? `?${exportQuery}` : ""}`}
            >
              {t("catalogue.downloadCsv")}
            </a>
          </div>
          {(filters.from || filters.to) && <p className="hint">{t("catalogue.csvNoDates")}</p>}
          <p className="result-count" role="status" aria-live="polite" aria-atomic="true">
            {offers ? t("catalogue.results", { count: offers.totalCount }) : ""}
          </p>
          {filters.near && data?.offerFacets.origin && (
            <p className="hint">
              {t("catalogue.nearestFirst", { place: data.offerFacets.origin.name ?? filters.near })}
            </p>
          )}
          <QueryStatus fetching={fetching && !offers} error={error} />
          {offers && offers.edges.length > 0 && (
            <Suspense fallback={null}>
              <ResultsMap
                points={mapPoints(
                  offers.edges.map((e) => e.node),
                  data?.offerFacets.origin,
                )}
                origin={data?.offerFacets.origin ?? null}
              />
            </Suspense>
          )}
          {offers && offers.edges.length > 0 && (
            <ol className="result-list">
              {offers.edges.map(({ node }) => (
                <li key={node.id}>
                  <OfferCard offer={node} />
                </li>
              ))}
            </ol>
          )}
          {offers && (offers.pageInfo.hasPreviousPage || offers.pageInfo.hasNextPage) && (
            <nav className="pagination" aria-label={t("catalogue.pagination")}>
              {offers.pageInfo.hasPreviousPage && offers.pageInfo.startCursor && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => page({ before: offers.pageInfo.startCursor ?? undefined })}
                >
                  ← {t("catalogue.previous")}
                </button>
              )}
              {offers.pageInfo.hasNextPage && offers.pageInfo.endCursor && (
                <button
                  type="button"
                  className="button button-secondary"
                  onClick={() => page({ after: offers.pageInfo.endCursor ?? undefined })}
                >
                  {t("catalogue.next")} →
                </button>
              )}
            </nav>
          )}
        </section>
      </div>
    </div>
  );
}

function SearchForm({ text, onSearch }: { text: string; onSearch: (text: string) => void }) {
  const { t } = useTranslation();
  const [value, setValue] = useState(text);
  const id = useId();
  return (
    <search className="search-form">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          onSearch(value);
        }}
      >
        <label htmlFor={id}>{t("catalogue.searchLabel")}</label>
        <p id={`${id}-hint`} className="hint">
          {t("catalogue.searchHint")}
        </p>
        <div className="inline-field">
          <input
            id={id}
            type="search"
            name="text"
            maxLength={200}
            value={value}
            aria-describedby={`${id}-hint`}
            onChange={(e) => setValue(e.target.value)}
          />
          <button type="submit" className="button">
            {t("catalogue.searchButton")}
          </button>
        </div>
      </form>
    </search>
  );
}

function OfferCard({ offer }: { offer: CatalogueOffer }) {
  const { t } = useTranslation();
  const next = offer.sessions.find((s) => !s.cancelled);
  return (
    <article className="offer-card">
      <h3>
        {/* The provider's own words keep the language they were written in; the chrome follows the UI. */}
        <Link to={`/offers/${offer.id}`} lang={offer.textLanguage}>
          {offer.title}
        </Link>
      </h3>
      <p className="meta">
        {enumLabel(t, "offerKind", offer.kind)} · {t("catalogue.provider", { name: offer.provider.name })}
      </p>
      <p lang={offer.textLanguage}>{offer.summary}</p>
      <OfferBadges format={offer.format} languages={offer.languages} accessibility={offer.accessibility} />
      <p className="next-session">
        {next
          ? t("catalogue.nextSession", { date: formatDateTime(next.startsAt) })
          : t("catalogue.noUpcomingSession")}
      </p>
    </article>
  );
}
