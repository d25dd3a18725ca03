import type { Database } from "@samspill/database";
import { graphql, type TadaDocumentNode, type VariablesOf } from "@samspill/graphql";
import type { OverviewDimension } from "@samspill/read-model";

// Offers published through the GraphQL API, and the overview counters they end up in.

export type Query = <R, V>(
  document: TadaDocumentNode<R, V>,
  variables: V,
) => Promise<{ data?: R | null; errors?: { message: string }[] }>;

export const createOffer = graphql(`mutation($input: CreateOfferInput!) {
  createOffer(input: $input) { __typename ... on MutationCreateOfferSuccess { data { id } } ... on Error { message } }
}`);
export const publish = graphql(`mutation($id: ID!) {
  changeOfferStatus(id: $id, version: 1, status: PUBLISHED) { __typename ... on MutationChangeOfferStatusSuccess { data { id } } ... on Error { message } }
}`);

type OfferInput = VariablesOf<typeof createOffer>["input"];

/** What makes an offer a publishable group course; a test adds provider, title and the rest. */
export const courseDefaults = {
  summary: "Kurs i regi av kommunen",
  kind: "GROUP_COURSE",
  diagnosisScope: "DIAGNOSIS_INDEPENDENT",
  audiences: ["PATIENTS"],
  format: "PHYSICAL",
  location: "Frisklivssentralen",
  contactEmail: "friskliv@example.no",
} satisfies Partial<OfferInput>;

/** Creates an offer (a publishable group course unless `input` says otherwise) and publishes it. */
export async function publishOffer(
  query: Query,
  input: Pick<OfferInput, "providerId" | "title"> & Partial<OfferInput>,
): Promise<string> {
  const created = await query(createOffer, { input: { ...courseDefaults, ...input } });
  const answer = created.data?.createOffer;
  const id = answer?.__typename === "MutationCreateOfferSuccess" ? answer.data.id : undefined;
  if (!id) throw new Error(`createOffer failed: ${JSON.stringify(created)}`);
  const published = await query(publish, { id });
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
