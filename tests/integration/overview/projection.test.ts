import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";
import { queueNames, toEventJob } from "@samspill/events";
import { graphql, type ResultOf, type VariablesOf } from "@samspill/graphql";
import { rebuildOverview } from "@samspill/read-model";
import { seedDemoData } from "@samspill/seed";
import type { Job } from "bullmq";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, type TestGateway, testGateway, viewerWith } from "../../support/gateway.js";
import { graphQLClient } from "../../support/graphql-client.js";
import { startTestWorker, type TestWorker } from "../../support/worker.js";

// An offer written through the gateway reaches the overview through the outbox, the relay,
// the events queue and the projector, all real and in-process; then redeliveries and late
// events are shown to change nothing.

let db: Database;
let worker: TestWorker;
let editor: TestGateway;
const molde = orgId("mun:1506");
const hmr = orgId("hf:hmr");

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  await rebuildOverview(db);
  worker = await startTestWorker(db, "overview-projection");
  editor = testGateway(db, viewerWith([{ org: "mun:1506", role: "EDITOR" }]));
});
afterAll(async () => {
  await worker.stop();
  await db.$disconnect();
});

const createOffer = graphql(`mutation Create($input: CreateOfferInput!) {
  createOffer(input: $input) {
    __typename
    ... on MutationCreateOfferSuccess { data { id version } }
    ... on Error { message }
  }
}`);
const changeStatus = graphql(`mutation Status($id: ID!, $version: Int!, $status: OfferStatus!) {
  changeOfferStatus(id: $id, version: $version, status: $status) {
    __typename
    ... on MutationChangeOfferStatusSuccess { data { id version status } }
    ... on Error { message }
  }
}`);
const overviewQuery = graphql(`query Overview($trust: ID, $community: ID, $dimension: OverviewDimension!) {
  overview(hospitalTrustId: $trust, healthCommunityId: $community, dimension: $dimension) {
    dimension values
    rows { municipalityNumber municipalityName total { offerCount } cells { value offerCount providerCount providers { id name } } }
    totals { value offerCount }
    total { offerCount providerCount }
    gaps { kind municipalityNumber municipalityName priorityGroup message }
    flaggedOffers { offerId title provider { name } }
    reviewsDue { offerId reviewDueOn reviewDueInDays }
    expiringAgreements(limit: 20) { title validTo daysLeft parties { name } }
  }
}`);

type Overview = NonNullable<ResultOf<typeof overviewQuery>["overview"]>;

async function overview(
  dimension: VariablesOf<typeof overviewQuery>["dimension"],
  gateway: TestGateway = testGateway(db),
) {
  const result = await gateway.query(overviewQuery, { trust: hmr, dimension });
  expect(result.errors).toBeUndefined();
  return result.data!.overview;
}

const cellOf = (o: Overview, municipality: string, value: string) =>
  o.rows.find((r) => r.municipalityNumber === municipality)?.cells.find((c) => c.value === value);

/** The read model's rows for one offer: its projection and the counters of its provider. */
async function projectionOf(offerId: string) {
  const [offer, counts] = await Promise.all([
    db.overviewOffer.findUnique({ where: { offerId } }),
    db.overviewCount.findMany({
      where: { providerId: molde },
      orderBy: [{ municipalityNumber: "asc" }, { dimension: "asc" }, { value: "asc" }],
    }),
  ]);
  return { offer: offer && { ...offer, projectedAt: undefined }, counts };
}

/** Hands an event to the queue again under a new job id: a redelivery BullMQ cannot dedupe. */
async function redeliver(outboxId: string): Promise<Job> {
  const row = await db.outboxEvent.findUniqueOrThrow({ where: { id: outboxId } });
  const job = toEventJob({ ...row, organisationId: row.organisationId });
  const added = await worker.queues[queueNames.events].add(job.name, job.data, { jobId: randomUUID() });
  await expect.poll(() => added.getState(), { timeout: 10_000 }).toBe("completed");
  return (await worker.queues[queueNames.events].getJob(added.id as string)) as Job;
}

const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

let offerId = "";

describe("overview projection", () => {
  it("shows an offer published through the gateway, with its gaps and lists", async () => {
    const before = await overview("LANGUAGE");
    const tigrinyaBefore = cellOf(before, "1506", "ti")?.offerCount ?? 0;

    const created = await editor.query(createOffer, {
      input: {
        providerId: molde,
        title: "Mestring av diabetes på tigrinja",
        summary: "Kurs for nyankomne med diabetes type 2",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_SPECIFIC",
        diagnosisCodes: ["E11"],
        audiences: ["PATIENTS"],
        priorityGroups: ["MULTIPLE_CHRONIC_CONDITIONS"],
        format: "PHYSICAL",
        location: "Molde frisklivssentral",
        languages: ["nb", "ti"],
        municipalityNumbers: ["1506", "1505"],
        contactEmail: "frisklivssentralen@molde.kommune.no",
        reviewDueOn: inDays(30),
      },
    });
    expect(created.data?.createOffer.__typename).toBe("MutationCreateOfferSuccess");
    offerId = successData(created.data!.createOffer).id;
    const published = await editor.query(changeStatus, {
      id: offerId,
      version: 1,
      status: "PUBLISHED",
    });
    expect(published.data?.changeOfferStatus.__typename).toBe("MutationChangeOfferStatusSuccess");

    await expect
      .poll(async () => (await db.overviewOffer.findUnique({ where: { offerId } }))?.version, {
        timeout: 15_000,
      })
      .toBe(2);
    const after = await overview("LANGUAGE");
    const tigrinya = cellOf(after, "1506", "ti");
    expect(tigrinya?.offerCount).toBe(tigrinyaBefore + 1);
    expect(tigrinya?.providers.map((p) => p.name)).toContain("Molde kommune");
    expect(cellOf(after, "1505", "ti")?.offerCount).toBe((cellOf(before, "1505", "ti")?.offerCount ?? 0) + 1);
    expect(after.values).toContain("ti");
    // Served by two municipalities, counted once across the trust.
    expect(after.totals.find((t) => t.value === "ti")?.offerCount).toBe(
      (before.totals.find((t) => t.value === "ti")?.offerCount ?? 0) + 1,
    );
    expect(after.flaggedOffers.map((f) => f.offerId)).toContain(offerId);
    expect(after.reviewsDue.find((r) => r.offerId === offerId)?.reviewDueInDays).toBe(30);
    // Agreements are cooperation records: listed to a party's members, never to the public.
    expect(after.expiringAgreements).toEqual([]);
    const asParty = await overview("LANGUAGE", editor);
    expect(asParty.expiringAgreements.map((a) => a.title)).toContain(
      "Samarbeidsavtale mellom Helse Møre og Romsdal HF og Molde kommune",
    );
    expect(asParty.expiringAgreements.every((a) => a.daysLeft <= 90)).toBe(true);

    const lag = await worker.metrics.registry.getSingleMetricAsString("samspill_event_lag_seconds");
    expect(lag).toMatch(/samspill_event_lag_seconds_count\{decision="apply"\} [1-9]/);
  });

  it("lists gaps by priority group in Norwegian, and in English when asked", async () => {
    const o = await overview("PRIORITY_GROUP");
    expect(o.values).toEqual([
      "CHILDREN_AND_YOUTH",
      "SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE",
      "FRAIL_ELDERLY",
      "MULTIPLE_CHRONIC_CONDITIONS",
    ]);
    for (const row of o.rows) {
      const missing = row.cells.filter((c) => c.offerCount === 0).map((c) => c.value);
      const listed = o.gaps
        .filter((g) => g.municipalityNumber === row.municipalityNumber)
        .map((g): string | null => g.priorityGroup);
      if (row.total.offerCount === 0) expect(listed).toEqual([null]);
      else
        for (const group of missing)
          expect(
            listed.includes(group) ||
              o.gaps.some((g) => g.kind === "PRIORITY_GROUP_WITHOUT_OFFER" && g.priorityGroup === group),
          ).toBe(true);
    }
    const gap = o.gaps.find((g) => g.kind === "PRIORITY_GROUP_MISSING_IN_MUNICIPALITY");
    expect(gap?.message).toMatch(/har ikke tilbud for prioritert gruppe/);
    const english = await graphQLClient(testGateway(db).app.fetch, "http://gateway.test/graphql", {
      "accept-language": "en",
      "x-samspill-csrf": "1",
    }).query(overviewQuery, { trust: hmr, dimension: "FORMAT" });
    expect(english.data!.overview!.gaps.find((g) => g.kind === gap?.kind)?.message).toMatch(
      /has no offer for/,
    );
  });

  it("narrows to a health community's municipalities and refuses a call without a scope", async () => {
    const byCommunity = await testGateway(db).query(overviewQuery, {
      community: orgId("hf-community:mr"),
      dimension: "FORMAT",
    });
    expect(byCommunity.errors).toBeUndefined();
    const numbers = byCommunity.data!.overview.rows.map((r) => r.municipalityNumber);
    expect(numbers).toContain("1506");
    expect(numbers).not.toContain("5001");
    const none = await testGateway(db).query(overviewQuery, { dimension: "FORMAT" });
    expect(none.errors?.[0]?.message).toMatch(/helseforetak/);
  });

  it("changes nothing when the same event arrives twice", async () => {
    const event = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: offerId, type: "offer.status_changed" },
    });
    const before = await projectionOf(offerId);
    const job = await redeliver(event.id);
    expect(job.returnvalue).toMatchObject({ "project-overview": { decision: "duplicate" } });
    expect(await projectionOf(offerId)).toEqual(before);
  });

  it("changes nothing when an older event arrives after a newer one", async () => {
    const created = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: offerId, type: "offer.created" },
    });
    const before = await projectionOf(offerId);
    expect(before.offer?.status).toBe("PUBLISHED");
    const job = await redeliver(created.id);
    expect(job.returnvalue).toMatchObject({ "project-overview": { decision: "stale" } });
    expect(await projectionOf(offerId)).toEqual(before);
  });

  it("takes the offer out of the counts when it is paused", async () => {
    const before = cellOf(await overview("LANGUAGE"), "1506", "ti")?.offerCount ?? 0;
    const paused = await editor.query(changeStatus, {
      id: offerId,
      version: 2,
      status: "PAUSED",
    });
    expect(paused.data?.changeOfferStatus.__typename).toBe("MutationChangeOfferStatusSuccess");
    await expect
      .poll(async () => (await db.overviewOffer.findUnique({ where: { offerId } }))?.status, {
        timeout: 15_000,
      })
      .toBe("PAUSED");
    const after = await overview("LANGUAGE");
    expect(cellOf(after, "1506", "ti")?.offerCount ?? 0).toBe(before - 1);
    expect(after.flaggedOffers.map((f) => f.offerId)).not.toContain(offerId);
  });
});
