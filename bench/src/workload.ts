import { graphql } from "@samspill/graphql";
import { print } from "graphql";

// What the load generator asks for: the web app's catalogue page and offer page, and the full
// overview, with variables that rotate so caches in Postgres see realistic variety. The raw-SQL
// server gets the same JSON bodies on its own paths.

const catalogue = graphql(`query Catalogue($filter: OfferFilter, $first: Int) {
  offers(filter: $filter, first: $first) {
    totalCount
    pageInfo { hasNextPage hasPreviousPage startCursor endCursor }
    edges { node {
      id title summary kind format languages accessibility
      provider { id name }
      sessions(upcomingOnly: true) { id startsAt cancelled }
    } }
  }
}`);

const offer = graphql(`query Offer($id: ID!) {
  offer(id: $id) {
    id title summary description kind status diagnosisScope diagnosisCodes diagnosisGroups topics
    audiences priorityGroups format location onlineUrl languages accessibility userRepPlanning
    userRepDelivery userRepEvaluation a0099Eligible interdisciplinary reviewDueOn contactName
    contactEmail contactPhone howToJoin registrationUrl flaggedForReview version updatedAt
    provider { id name website }
    unit { id name address }
    municipalities { number name }
    sessions { id startsAt endsAt location onlineUrl capacity registrations availablePlaces cancelled note version }
  }
}`);

// What the joint overview page asks for (web/src/overview/queries.ts): counts per cell, the
// gaps, and the first page of each attention list. Provider names per cell are for API clients
// that ask for them; the page shows counts.
const item = graphql(
  `fragment Item on OverviewOffer { offerId title provider { id name } municipalityNumbers reviewDueOn reviewDueInDays }`,
);
const overview = graphql(
  `query Overview($hospitalTrustId: ID!, $dimension: OverviewDimension!) {
  overview(hospitalTrustId: $hospitalTrustId, dimension: $dimension) {
    dimension values
    rows { municipalityNumber municipalityName total { value offerCount } cells { value offerCount providerCount } }
    totals { value offerCount }
    total { offerCount providerCount }
    gaps { kind municipalityNumber municipalityName priorityGroup }
    flaggedOffers { ...Item }
    reviewsDue { ...Item }
    expiringAgreements { id title subAgreement validTo daysLeft parties { id name } }
  }
}`,
  [item],
);

// Sent as text by the load generator (and as the same JSON bodies to the raw-SQL server).
export const catalogueQuery = print(catalogue);
export const offerQuery = print(offer);
export const overviewQuery = print(overview);

// The bare hello server has a schema of its own, not the gateway's.
export const helloQuery = "{ hello }";

const terms = [
  "diabetes",
  "kols",
  "hjertesvikt",
  "depresjon",
  "kreft",
  "pårørende",
  "søvn",
  "mat",
  "smerter",
  "demens",
];
const groupPairs = [
  ["MULTIPLE_CHRONIC_CONDITIONS", "FRAIL_ELDERLY"],
  ["CHILDREN_AND_YOUTH", "SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE"],
  ["FRAIL_ELDERLY", "CHILDREN_AND_YOUTH"],
];

/** Catalogue search: a page of 20, two filters (format, priority group) and a text query. */
export function catalogueVariables(i: number) {
  return {
    first: 20,
    filter: {
      text: terms[i % terms.length],
      formats: ["PHYSICAL", "HYBRID"],
      priorityGroups: groupPairs[Math.floor(i / terms.length) % groupPairs.length],
    },
  };
}

export const offerVariables = (ids: readonly string[]) => (i: number) => ({ id: ids[i % ids.length] });

export const overviewVariables = (trustIds: readonly string[]) => (i: number) => ({
  hospitalTrustId: trustIds[i % trustIds.length],
  dimension: "PRIORITY_GROUP",
});

export type Scenario = "catalogue" | "offer" | "overview";
