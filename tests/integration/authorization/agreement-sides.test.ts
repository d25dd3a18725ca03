import { linkOfferToAgreement } from "@samspill/commands";
import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";
import {
  createForeignObjects,
  type ForeignObjects,
  ownerAdmin,
  ownerKey,
  partnerKey,
} from "./foreign-objects.js";

// An agreement party edits only its own side. The foreign organisation (the owner) registered an
// agreement with a hospital trust (the partner), so the owner coordinates it. Every editing role
// of the partner, itself a party, tries each write on the owner's side: the shared fields, the
// party list, taking coordination, the owner's responsibility, unlinking the owner's offer and
// linking another of the owner's offers. Every call is refused and writes nothing; the owner's
// editor then makes such a change, so the refusals are about who asks.

let db: Database;
let foreign: ForeignObjects;
let otherOwnerOffer: string;
beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  foreign = await createForeignObjects(db);
  // The owner's published offer is delivered under the agreement, linked by the owner.
  const { actor, unit } = ownerAdmin(db);
  await linkOfferToAgreement(unit, actor, {
    agreementId: foreign.agreementId,
    offerId: foreign.publishedOfferId,
  });
  const other = await db.offer.findFirstOrThrow({
    where: { providerId: orgId(ownerKey), status: "PUBLISHED", id: { not: foreign.publishedOfferId } },
    select: { id: true },
  });
  otherOwnerOffer = other.id;
});
afterAll(() => db.$disconnect());

const mutation = (field: string, input: string) =>
  `mutation($input: ${input}!) { r: ${field}(input: $input) { __typename ... on Error { message } } }`;

/** The writes a party might try on the owner's side, each as [name, document, input]. */
async function ownersSide(): Promise<[string, string, Record<string, unknown>][]> {
  const { version } = await db.agreement.findUniqueOrThrow({ where: { id: foreign.agreementId } });
  const id = foreign.agreementId;
  const update = mutation("updateAgreement", "UpdateAgreementInput");
  const link = { agreementId: id, offerId: otherOwnerOffer };
  return [
    ["rename the agreement", update, { id, version, title: "Overtatt" }],
    ["end the agreement", update, { id, version, status: "TERMINATED" }],
    [
      "add a party",
      update,
      {
        id,
        version,
        parties: [
          { organisationId: orgId(ownerKey), role: "MUNICIPALITY" },
          { organisationId: orgId(partnerKey), role: "HOSPITAL_TRUST" },
          { organisationId: orgId("mun:1505"), role: "MUNICIPALITY" },
        ],
      },
    ],
    ["take coordination", update, { id, version, coordinatorId: orgId(partnerKey) }],
    [
      "rewrite the owner's responsibility",
      mutation("setAgreementResponsibilities", "SetAgreementResponsibilitiesInput"),
      {
        agreementId: id,
        version,
        responsibilities: [{ organisationId: orgId(ownerKey), description: "Endret av en annen part" }],
      },
    ],
    [
      "unlink the owner's offer",
      mutation("unlinkOfferFromAgreement", "AgreementOfferLinkInput"),
      { agreementId: id, offerId: foreign.publishedOfferId },
    ],
    ["link another offer of the owner's", mutation("linkOfferToAgreement", "AgreementOfferLinkInput"), link],
  ];
}

type Answer = { data?: { r?: { __typename: string } | null } | null };

describe("an agreement party edits only its own side", () => {
  const roles: Role[] = ["ADMIN", "EDITOR"];
  for (const role of roles) {
    it(`refuses the partner's ${role} every write on the owner's side, writing nothing`, async () => {
      const gateway = testGateway(db, viewerWith([{ org: partnerKey, role }]));
      const before = { audit: await db.auditEntry.count(), outbox: await db.outboxEvent.count() };
      const allowed: string[] = [];
      for (const [name, document, input] of await ownersSide()) {
        const answer = (await gateway.send(document, { input })) as Answer;
        const typename = answer.data?.r?.__typename;
        if (typename !== "ForbiddenError") allowed.push(`${name}: ${JSON.stringify(answer).slice(0, 200)}`);
      }
      expect(allowed).toEqual([]);
      expect({ audit: await db.auditEntry.count(), outbox: await db.outboxEvent.count() }).toEqual(before);
      const stored = await db.agreement.findUniqueOrThrow({
        where: { id: foreign.agreementId },
        include: { responsibilities: true, offers: true, parties: true },
      });
      expect(stored).toMatchObject({ title: `${foreign.secret} agreement`, coordinatorId: orgId(ownerKey) });
      expect(stored.parties).toHaveLength(2);
      expect(stored.responsibilities.map((r) => r.description)).toEqual([`${foreign.secret} responsibility`]);
      expect(stored.offers.map((o) => o.offerId)).toEqual([foreign.publishedOfferId]);
    });
  }

  it("lets the owner's editor make those changes (the documents are sound)", async () => {
    const gateway = testGateway(db, viewerWith([{ org: ownerKey, role: "EDITOR" }]));
    const [rename, , , , , unlink, link] = await ownersSide();
    for (const [name, document, input] of [rename!, link!, unlink!]) {
      const answer = (await gateway.send(document, { input })) as Answer;
      expect({ name, typename: answer.data?.r?.__typename }).toEqual({
        name,
        typename: expect.stringMatching(/^Mutation.*Success$/),
      });
    }
  });
});
