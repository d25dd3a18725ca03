import { graphql, type ResultOf, type TadaDocumentNode, type VariablesOf } from "@samspill/graphql";
import { expect } from "vitest";
import { successData } from "../../support/answers.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db } from "../../support/seeded.js";
import { writeCounts } from "../../support/writes.js";

// What the agreement tests share: viewers, documents, result shapes, an input builder, the
// mutation helper and the check that a refused write left nothing behind.

export const hmrEditor = viewerWith([{ org: "hf:hmr", role: "EDITOR" }]);
export const kristiansundEditor = viewerWith([{ org: "mun:1505", role: "EDITOR" }]);
export const trondheimEditor = viewerWith([{ org: "mun:5001", role: "EDITOR" }]);

const agreementFields = graphql(`fragment AgreementFields on Agreement {
  id title subAgreement statutory validFrom validTo expiresInDays status version
  parties { role organisation { id name } }
  responsibilities { description diagnosisScope offerKinds audiences organisation { id } }
  offers { id title }
  meetingPoints { id title }
}`);

// What every agreement mutation selects beside its success type.
const errorFields = graphql(`fragment AgreementErrors on Error {
  message
  ... on ValidationError { issues { field code message messageNb } }
  ... on ConflictError { expectedVersion currentVersion }
}`);

export const createMutation = graphql(
  `mutation Create($input: CreateAgreementInput!) { createAgreement(input: $input) {
    __typename ... on MutationCreateAgreementSuccess { data { ...AgreementFields } } ...AgreementErrors } }`,
  [agreementFields, errorFields],
);
export const updateMutation = graphql(
  `mutation Update($input: UpdateAgreementInput!) { updateAgreement(input: $input) {
    __typename ... on MutationUpdateAgreementSuccess { data { ...AgreementFields } } ...AgreementErrors } }`,
  [agreementFields, errorFields],
);
export const responsibilitiesMutation = graphql(
  `mutation Resp($input: SetAgreementResponsibilitiesInput!) { setAgreementResponsibilities(input: $input) {
    __typename ... on MutationSetAgreementResponsibilitiesSuccess { data { ...AgreementFields } } ...AgreementErrors } }`,
  [agreementFields, errorFields],
);
export const linkMutation = graphql(
  `mutation Link($input: AgreementOfferLinkInput!) { linkOfferToAgreement(input: $input) {
    __typename ... on MutationLinkOfferToAgreementSuccess { data { ...AgreementFields } } ...AgreementErrors } }`,
  [agreementFields, errorFields],
);
export const unlinkMutation = graphql(
  `mutation Unlink($input: AgreementOfferLinkInput!) { unlinkOfferFromAgreement(input: $input) {
    __typename ... on MutationUnlinkOfferFromAgreementSuccess { data { ...AgreementFields } } ...AgreementErrors } }`,
  [agreementFields, errorFields],
);
export const listQuery = graphql(`query List($filter: AgreementFilter, $first: Int, $after: String) {
  agreements(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title expiresInDays } } } }`);
export const oneQuery = graphql(`query One($id: ID!) { agreement(id: $id) { ...AgreementFields } }`, [
  agreementFields,
]);

export type Agreement = ResultOf<typeof agreementFields>;
type AgreementMutation =
  | typeof createMutation
  | typeof updateMutation
  | typeof responsibilitiesMutation
  | typeof linkMutation
  | typeof unlinkMutation;
/** The answer union of an agreement mutation: its success type or one of the typed errors. */
export type Result<M extends AgreementMutation = AgreementMutation> = ResultOf<M>[keyof ResultOf<M>];

export const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let serial = 0;
export function agreementInput(
  overrides: Record<string, unknown> = {},
): VariablesOf<typeof createMutation>["input"] {
  serial += 1;
  return {
    title: `Delavtale 5 Helse Møre og Romsdal – Kristiansund (${serial}, ${Date.now()})`,
    subAgreement: "Delavtale 5",
    description: "Pasient- og pårørendeopplæring",
    validFrom: isoDay(-10),
    validTo: isoDay(10),
    parties: [
      { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" },
      { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
    ],
    responsibilities: [
      {
        organisationId: orgId("hf:hmr"),
        description: "Diagnosespesifikke kurs",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
      },
      {
        organisationId: orgId("mun:1505"),
        description: "Frisklivstilbud",
        diagnosisScope: "DIAGNOSIS_INDEPENDENT",
        offerKinds: ["GROUP_COURSE"],
      },
    ],
    ...overrides,
  } as VariablesOf<typeof createMutation>["input"];
}

export async function mutate<M extends AgreementMutation>(
  viewer: ReturnType<typeof viewerWith>,
  mutation: M,
  input: VariablesOf<M>["input"],
): Promise<Result<M>> {
  // One of five documents: TypeScript cannot pair the union's results with its variables itself.
  const document = mutation as TadaDocumentNode<ResultOf<M>, VariablesOf<M>>;
  const response = await testGateway(db, viewer).query(document, { input } as VariablesOf<M>);
  expect(response.errors).toBeUndefined();
  // Each document asks for one field: its answer.
  return Object.values(response.data!)[0] as Result<M>;
}

export async function createAgreement(overrides: Record<string, unknown> = {}): Promise<Agreement> {
  const result = await mutate(hmrEditor, createMutation, agreementInput(overrides));
  expect(result.__typename).toBe("MutationCreateAgreementSuccess");
  return successData(result);
}

/** Runs a refused write and checks that it left the audit trail and the outbox as they were. */
export async function expectNothingWritten(run: () => Promise<unknown>) {
  const before = await writeCounts(db);
  const agreements = await db.agreement.count();
  await run();
  expect(await writeCounts(db)).toEqual(before);
  expect(await db.agreement.count()).toBe(agreements);
}

export const seeded = (title: string) =>
  db.agreement.findFirstOrThrow({ where: { title }, select: { id: true } });
export const MOLDE_D5 = "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Molde kommune";
export const ALESUND_D5 = "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Ålesund kommune";
export const TRONDHEIM_D5 = "Samarbeidsavtale mellom St. Olavs hospital HF og Trondheim kommune";
export const LEVANGER_D5 = "Samarbeidsavtale mellom Helse Nord-Trøndelag HF og Levanger kommune";
