import { graphql } from "@samspill/graphql";
import { expect } from "vitest";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import { db } from "../../support/seeded.js";
import { writeCounts } from "../../support/writes.js";

// What the agreement tests share: viewers, documents, result shapes, an input builder, the
// mutation helper and the check that a refused write left nothing behind.

export const hmrEditor = viewerWith([{ org: "hf:hmr", role: "EDITOR" }]);
export const kristiansundEditor = viewerWith([{ org: "mun:1505", role: "EDITOR" }]);
export const trondheimEditor = viewerWith([{ org: "mun:5001", role: "EDITOR" }]);

const AGREEMENT = `id title subAgreement statutory validFrom validTo expiresInDays status version
  parties { role organisation { id name } }
  responsibilities { description diagnosisScope offerKinds audiences organisation { id } }
  offers { id title }
  meetingPoints { id title }`;

const RESULT = (success: string) => `
  __typename
  ... on ${success} { data { ${AGREEMENT} } }
  ... on ValidationError { issues { field code message messageNb } }
  ... on ConflictError { expectedVersion currentVersion }
  ... on Error { message }`;

export const createMutation = `mutation Create($input: CreateAgreementInput!) {
  createAgreement(input: $input) { ${RESULT("MutationCreateAgreementSuccess")} } }`;
export const updateMutation = `mutation Update($input: UpdateAgreementInput!) {
  updateAgreement(input: $input) { ${RESULT("MutationUpdateAgreementSuccess")} } }`;
export const responsibilitiesMutation = `mutation Resp($input: SetAgreementResponsibilitiesInput!) {
  setAgreementResponsibilities(input: $input) { ${RESULT("MutationSetAgreementResponsibilitiesSuccess")} } }`;
export const linkMutation = `mutation Link($input: AgreementOfferLinkInput!) {
  linkOfferToAgreement(input: $input) { ${RESULT("MutationLinkOfferToAgreementSuccess")} } }`;
export const unlinkMutation = `mutation Unlink($input: AgreementOfferLinkInput!) {
  unlinkOfferFromAgreement(input: $input) { ${RESULT("MutationUnlinkOfferFromAgreementSuccess")} } }`;
export const listQuery = graphql(`query List($filter: AgreementFilter, $first: Int, $after: String) {
  agreements(filter: $filter, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor } edges { node { id title expiresInDays } } } }`);
export const oneQuery = `query One($id: ID!) { agreement(id: $id) { ${AGREEMENT} } }`;

export interface Agreement {
  id: string;
  title: string;
  statutory: boolean;
  validFrom: string;
  validTo: string | null;
  expiresInDays: number | null;
  status: string;
  version: number;
  parties: { role: string; organisation: { id: string; name: string } }[];
  responsibilities: {
    description: string;
    diagnosisScope: string | null;
    offerKinds: string[];
    organisation: { id: string };
  }[];
  offers: { id: string; title: string }[];
  meetingPoints: { id: string; title: string }[];
}
interface Issue {
  field: string;
  code: string;
  message: string;
  messageNb: string;
}
export interface Result {
  __typename: string;
  data?: Agreement;
  issues?: Issue[];
  expectedVersion?: number;
  currentVersion?: number;
  message?: string;
}
export interface List {
  agreements: {
    totalCount: number;
    pageInfo: { hasNextPage: boolean; endCursor: string | null };
    edges: { node: { id: string; title: string; expiresInDays: number | null } }[];
  };
}

export const isoDay = (offsetDays: number) =>
  new Date(Date.now() + offsetDays * 86_400_000).toISOString().slice(0, 10);

let serial = 0;
export function agreementInput(overrides: Record<string, unknown> = {}) {
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
  };
}

export async function mutate(
  viewer: ReturnType<typeof viewerWith>,
  mutation: string,
  input: unknown,
): Promise<Result> {
  const response = await testGateway(db, viewer).query<Record<string, Result>>(mutation, { input });
  expect(response.errors).toBeUndefined();
  return Object.values(response.data!)[0]!;
}

export async function createAgreement(overrides: Record<string, unknown> = {}): Promise<Agreement> {
  const result = await mutate(hmrEditor, createMutation, agreementInput(overrides));
  expect(result.__typename).toBe("MutationCreateAgreementSuccess");
  return result.data!;
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
