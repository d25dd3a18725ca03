import { randomUUID } from "node:crypto";
import { systemActor, unitOf, upsertOrganisation } from "@samspill/commands";
import { defaultMaxQueryCost, operationCost, schema } from "@samspill/gateway";
import { describe, expect, it } from "vitest";
import {
  toAgreementInput,
  valuesFromAgreement,
} from "../../../web/src/workspace/agreements/AgreementForm.js";
import {
  AgreementQuery,
  AgreementsQuery,
  CreateAgreementMutation,
  SetResponsibilitiesMutation,
  UpdateAgreementMutation,
} from "../../../web/src/workspace/agreements/queries.js";
import { successData } from "../../support/answers.js";
import { orgId, testGateway } from "../../support/gateway.js";
import { db, useSeededDatabase } from "../../support/seeded.js";
import { hmrEditor, kristiansundEditor } from "./agreement-fixtures.js";

// The web app's agreement editor reads parties and responsibilities whole and saves them whole.
// With the largest agreement the domain allows on a save (100 parties, 200 responsibilities),
// its own documents, sent through the gateway with its cost limit, read everything and save it
// back unchanged: paging the lists has not cut the editor short.

useSeededDatabase();

async function hundredParties() {
  // Parties of its own, so that the other agreement tests' organisations keep their agreements:
  // the hospital trust and Kristiansund (whose side is edited below) and 98 user organisations
  // registered here, through the command the region's admins use.
  const fresh: { organisationId: string; role: "USER_ORGANISATION" }[] = [];
  for (let n = 1; n <= 98; n += 1) {
    const id = randomUUID();
    await upsertOrganisation(unitOf(db), systemActor(), {
      id,
      kind: "USER_ORGANISATION",
      name: `Likepersonsforening ${n}`,
    });
    fresh.push({ organisationId: id, role: "USER_ORGANISATION" });
  }
  return [
    { organisationId: orgId("hf:hmr"), role: "HOSPITAL_TRUST" as const },
    { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" as const },
    ...fresh,
  ];
}

describe("the web agreement editor with 100 parties and 200 responsibilities", () => {
  it("reads them whole within the cost limit and saves them back unchanged", async () => {
    const parties = await hundredParties();
    expect(new Set(parties.map((p) => p.organisationId)).size).toBe(100);
    const responsibilities = parties.flatMap((p, i) =>
      [1, 2].map((n) => ({ organisationId: p.organisationId, description: `Ansvar ${n} for part ${i + 1}` })),
    );
    const hmr = testGateway(db, hmrEditor);
    const created = await hmr.query(CreateAgreementMutation, {
      input: {
        title: "Regional avtale om lærings- og mestringstilbud",
        validFrom: "2026-01-01",
        parties,
        responsibilities,
      },
    });
    expect(created.errors).toBeUndefined();
    const { id } = successData(created.data?.createAgreement);

    expect(operationCost(schema, AgreementQuery, { id })).toBeLessThan(defaultMaxQueryCost);
    const read = await hmr.query(AgreementQuery, { id });
    expect(read.errors).toBeUndefined();
    const agreement = read.data!.agreement!;
    expect(agreement.parties).toHaveLength(100);
    expect(agreement.responsibilities).toHaveLength(200);
    expect(agreement.mayEditSharedFields).toBe(true);

    // The coordinator saves the form as the editor does: every party goes back.
    const values = valuesFromAgreement(agreement);
    const saved = await hmr.query(UpdateAgreementMutation, {
      input: {
        id,
        version: agreement.version,
        ...toAgreementInput({ ...values, title: `${values.title} (revidert)` }),
      },
    });
    expect(saved.errors).toBeUndefined();
    const after = successData(saved.data?.updateAgreement);
    expect(after.parties.map((p) => p.organisation.id).sort()).toEqual(
      parties.map((p) => p.organisationId).sort(),
    );
    expect(after.responsibilities).toHaveLength(200);

    // A municipality among the parties edits only its own side, sending the other rows as read.
    const kristiansund = testGateway(db, kristiansundEditor);
    const theirs = (await kristiansund.query(AgreementQuery, { id })).data!.agreement!;
    expect(theirs.mayEditSharedFields).toBe(false);
    const rows = theirs.responsibilities.map((r) => ({
      organisationId: r.organisation.id,
      description:
        r.organisation.id === orgId("mun:1505") ? `${r.description} (Kristiansund oppdatert)` : r.description,
      diagnosisScope: r.diagnosisScope,
      offerKinds: r.offerKinds,
      audiences: r.audiences,
      priorityGroups: r.priorityGroups,
    }));
    const own = await kristiansund.query(SetResponsibilitiesMutation, {
      input: { agreementId: id, version: theirs.version, responsibilities: rows },
    });
    expect(own.errors).toBeUndefined();
    const stored = successData(own.data?.setAgreementResponsibilities).responsibilities;
    expect(stored).toHaveLength(200);
    expect(stored.filter((r) => r.description.endsWith("(Kristiansund oppdatert)"))).toHaveLength(2);
  });

  it("lists such an agreement with a few parties named and the rest counted", async () => {
    const list = await testGateway(db, hmrEditor).query(AgreementsQuery, {
      filter: { organisationId: orgId("hf:hmr") },
      first: 100,
    });
    expect(list.errors).toBeUndefined();
    const large = list.data!.agreements.edges.map((e) => e.node).find((a) => a.partyCount === 100);
    expect(large?.parties).toHaveLength(6);
  });
});
