import type { Database } from "@samspill/database";
import type { OverviewDimension } from "@samspill/read-model";

// Offers published through the GraphQL API, and the overview counters they end up in.

export type Query = (
  document: string,
  variables: Record<string, unknown>,
) => Promise<{ data?: unknown; errors?: { message: string }[] }>;

export const createOffer = `mutation($input: CreateOfferInput!) {
  createOffer(input: $input) { __typename ... on MutationCreateOfferSuccess { data { id } } ... on Error { message } }
}`;
export const publish = `mutation($id: ID!) {
  changeOfferStatus(id: $id, version: 1, status: PUBLISHED) { __typename ... on MutationChangeOfferStatusSuccess { data { id } } ... on Error { message } }
}`;

/** What makes an offer a publishable group course; a test adds provider, title and the rest. */
export const courseDefaults = {
  summary: "Kurs i regi av kommunen",
  kind: "GROUP_COURSE",
  diagnosisScope: "DIAGNOSIS_INDEPENDENT",
  audiences: ["PATIENTS"],
  format: "PHYSICAL",
  location: "Frisklivssentralen",
  contactEmail: "friskliv@example.no",
};

/** Creates an offer (a publishable group course unless `input` says otherwise) and publishes it. */
export async function publishOffer(query: Query, input: Record<string, unknown>): Promise<string> {
  const created = (await query(createOffer, { input: { ...courseDefaults, ...input } })) as {
    data?: { createOffer?: { __typename: string; data?: { id: string } } };
  };
  const id = created.data?.createOffer?.data?.id;
  if (!id) throw new Error(`createOffer failed: ${JSON.stringify(created)}`);
  const published = (await query(publish, { id })) as {
    data?: { changeOfferStatus?: { __typename: string } };
  };
  if (published.data?.changeOfferStatus?.__typename !== "MutationChangeOfferStatusSuccess")
    throw new Error(`publishing failed: ${JSON.stringify(published)}`);
  return id;
}

/** Published offers of `providerId` in one overview cell (0 when the counter does not exist). */
export async function overviewCounter(
  db: Database,
  key: { municipalityNumber: string; dimension: OverviewDimension; value: string; providerId: string },
): Promise<number> {
  const row = await db.overviewCount.findUnique({
    where: { municipalityNumber_dimension_value_providerId: key },
  });
  return row?.offers ?? 0;
}
