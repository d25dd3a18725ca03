import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// An agreement against its delivery: what the parties promised (responsibilities, linked offers)
// beside what was delivered in a period (sessions held, participants), with the gaps. 2019 is a
// year the demo data holds nothing in, so every session and report counted is made here.

let db: Database;
const agreementId = seedId("agreement:hmr-molde-d5");
const diabetes = seedId("offer:hmr-diabetes2");
const kid = seedId("offer:molde-kid");
const food = seedId("offer:molde-bra-mat");
let familyResponsibility: string;

const at = (iso: string) => new Date(`${iso}T10:00:00Z`);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  // The trust also promised a family offer, which none of its linked offers is.
  familyResponsibility = (
    await db.agreementResponsibility.create({
      data: {
        agreementId,
        organisationId: orgId("hf:hmr"),
        description: "Familietilbud for barn og unge som pårørende",
        offerKinds: ["FAMILY_OFFER"],
      },
    })
  ).id;
  await db.offerSession.createMany({
    data: [
      { offerId: diabetes, startsAt: at("2019-03-04"), endsAt: at("2019-03-05") },
      { offerId: diabetes, startsAt: at("2019-09-02"), endsAt: at("2019-09-03") },
      { offerId: diabetes, startsAt: at("2019-10-07"), endsAt: at("2019-10-08"), cancelled: true },
      { offerId: kid, startsAt: at("2019-05-06"), endsAt: at("2019-05-07") },
      // Another year: not counted in 2019.
      { offerId: food, startsAt: at("2018-05-06"), endsAt: at("2018-05-07") },
    ],
  });
  await db.participationReport.create({
    data: {
      reporterId: orgId("hf:hmr"),
      offerId: diabetes,
      periodStart: new Date("2019-03-01T00:00:00Z"),
      periodEnd: new Date("2019-03-31T00:00:00Z"),
      patients: 14,
      carers: 3,
    },
  });
});
afterAll(() => db.$disconnect());

const delivery = graphql(`query Delivery($id: ID!, $period: String) {
  agreementDelivery(agreementId: $id, period: $period) {
    period from to smallCountThreshold
    offerCount sessionsHeld responsibilitiesWithoutOffer offersWithoutSession
    responsibilities { gap offerCount responsibility { id organisation { id } } offers { id } }
    offers { gap sessionsHeld sessionsPlanned offer { id } participants { patients carers total } }
  }
}`);

describe("an agreement against its delivery", () => {
  it("sets each party's promises beside the sessions held and participants, with the gaps", async () => {
    const gw = testGateway(db, viewerWith([{ org: "mun:1506", role: "VIEWER" }]));
    const { data, errors } = await gw.query(delivery, { id: agreementId, period: "2019" });
    expect(errors).toBeUndefined();
    const d = data!.agreementDelivery!;
    expect(d).toMatchObject({
      period: "2019",
      from: "2019-01-01",
      to: "2019-12-31",
      offerCount: 3,
      sessionsHeld: 3,
      responsibilitiesWithoutOffer: 1,
      offersWithoutSession: 1,
    });

    // Promised: the family offer no linked offer fulfils comes first, flagged.
    expect(d.responsibilities[0]).toMatchObject({
      gap: true,
      offerCount: 0,
      offers: [],
      responsibility: { id: familyResponsibility, organisation: { id: orgId("hf:hmr") } },
    });
    const trustsCourses = d.responsibilities.find((r) => r.offers.some((o) => o.id === diabetes));
    expect(trustsCourses).toMatchObject({
      gap: false,
      responsibility: { organisation: { id: orgId("hf:hmr") } },
    });
    const municipal = d.responsibilities.find((r) => r.responsibility.organisation.id === orgId("mun:1506"));
    expect(municipal?.offers.map((o) => o.id).sort()).toEqual([kid, food].sort());

    // Delivered: the offer with no session held in the period first, flagged.
    expect(d.offers[0]).toMatchObject({ gap: true, sessionsHeld: 0, offer: { id: food } });
    const byId = new Map(d.offers.map((o) => [o.offer.id, o]));
    expect(byId.get(diabetes)).toMatchObject({ gap: false, sessionsHeld: 2, sessionsPlanned: 0 });
    expect(byId.get(kid)).toMatchObject({ gap: false, sessionsHeld: 1 });

    // Participants: the small count (3 carers) is never published, and the figures are the
    // provider's published ones, as its participation summary gives them.
    const participants = byId.get(diabetes)!.participants;
    expect(participants.carers).toBeNull();
    const summary = await gw.query(
      graphql(`query($provider: ID!) {
        participationSummary(providerId: $provider, period: "2019") { offers { offer { id } participants { patients carers total } } }
      }`),
      { provider: orgId("hf:hmr") },
    );
    expect(
      summary.data!.participationSummary.offers.find((o) => o.offer.id === diabetes)!.participants,
    ).toEqual(participants);
    expect(byId.get(kid)!.participants).toEqual({ patients: 0, carers: 0, total: 0 });
  });

  it("shows nothing to someone who may not see the agreement", async () => {
    const gw = testGateway(db, viewerWith([{ org: "uo:safo", role: "ADMIN" }]));
    const { data, errors } = await gw.query(delivery, { id: agreementId, period: "2019" });
    expect(errors).toBeUndefined();
    expect(data!.agreementDelivery).toBeNull();
  });

  it("refuses a period that is not a grid period, naming the argument", async () => {
    const gw = testGateway(db, viewerWith([{ org: "mun:1506", role: "VIEWER" }]));
    const { data, errors } = await gw.query(delivery, { id: agreementId, period: "2019-13" });
    expect(data?.agreementDelivery ?? null).toBeNull();
    expect(JSON.stringify(errors)).toMatch(/period/);
  });
});
