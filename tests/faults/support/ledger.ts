import type { Database } from "@samspill/database";
import { expect } from "vitest";

// The books a fault test keeps: what was committed (the outbox) against what reached the
// overview, recomputed straight from the offer tables with SQL of its own rather than with the
// projector's code, so a bug shared by the projector and the rebuild cannot hide.

const offerEventTypes = ["offer.created", "offer.updated", "offer.status_changed"];

export interface Cell {
  municipalityNumber: string;
  dimension: string;
  value: string;
  providerId: string;
  offers: number;
}

/** The overview's counters as the offer tables say they must be. */
export function overviewFromSql(db: Database): Promise<Cell[]> {
  return db.$queryRaw<Cell[]>`
    WITH published AS (
      SELECT o."id", o."providerId", om."municipalityNumber", o."priorityGroups", o."diagnosisGroups",
             o."format", o."languages"
      FROM "Offer" o JOIN "OfferMunicipality" om ON om."offerId" = o."id"
      WHERE o."status" = 'PUBLISHED'
    ), cells AS (
      SELECT "municipalityNumber", 'TOTAL' AS "dimension", 'ALL' AS "value", "providerId", "id" FROM published
      UNION ALL
      SELECT "municipalityNumber", 'PRIORITY_GROUP', g::text, "providerId", "id"
      FROM published, unnest("priorityGroups") AS g
      UNION ALL
      SELECT "municipalityNumber", 'DIAGNOSIS_GROUP', g::text, "providerId", "id"
      FROM published, unnest("diagnosisGroups") AS g
      UNION ALL
      SELECT "municipalityNumber", 'FORMAT', "format"::text, "providerId", "id" FROM published
      UNION ALL
      SELECT "municipalityNumber", 'LANGUAGE', l, "providerId", "id" FROM published, unnest("languages") AS l
    )
    SELECT "municipalityNumber"::text, "dimension", "value", "providerId"::text,
           count(DISTINCT "id")::int AS "offers"
    FROM cells
    GROUP BY 1, 2, 3, 4`;
}

function overviewCells(db: Database): Promise<Cell[]> {
  return db.$queryRaw<Cell[]>`
    SELECT "municipalityNumber"::text, "dimension"::text, "value", "providerId"::text, "offers"
    FROM "OverviewCount" WHERE "offers" <> 0`;
}

const key = (c: Cell) => `${c.municipalityNumber}|${c.dimension}|${c.value}|${c.providerId}`;

/** Counter units the overview lacks (`missing`) or has too many of (`extra`), against the SQL. */
export async function compareOverview(db: Database): Promise<{ missing: number; extra: number }> {
  const [expected, actual] = await Promise.all([overviewFromSql(db), overviewCells(db)]);
  const diff = new Map<string, number>();
  for (const c of expected) diff.set(key(c), (diff.get(key(c)) ?? 0) - c.offers);
  for (const c of actual) diff.set(key(c), (diff.get(key(c)) ?? 0) + c.offers);
  let missing = 0;
  let extra = 0;
  for (const d of diff.values()) {
    if (d < 0) missing -= d;
    else extra += d;
  }
  return { missing, extra };
}

export interface Tally {
  /** Committed offer changes (offer events in the outbox) of the offers under test. */
  sent: number;
  /** Of those, the ones the overview reflects (its row for the offer is at that version or newer). */
  received: number;
  lost: number;
  /** Counter units the overview has beyond the recomputation, plus duplicate deliveries. */
  duplicated: number;
  /** Outbox rows anywhere still waiting for the relay. */
  stuck: number;
}

/** Counts what happened to the committed changes of `offerIds`. */
export async function tally(db: Database, offerIds: readonly string[], extraDuplicates = 0): Promise<Tally> {
  const events = await db.outboxEvent.findMany({
    where: { aggregateId: { in: [...offerIds] }, type: { in: offerEventTypes } },
    select: { aggregateId: true, payload: true },
  });
  const projected = new Map(
    (
      await db.overviewOffer.findMany({
        where: { offerId: { in: [...offerIds] } },
        select: { offerId: true, version: true },
      })
    ).map((o) => [o.offerId, o.version]),
  );
  const received = events.filter((e) => {
    const version = (e.payload as { offer: { version: number } }).offer.version;
    return (projected.get(e.aggregateId) ?? 0) >= version;
  }).length;
  const overview = await compareOverview(db);
  const stuck = await db.outboxEvent.count({ where: { sentAt: null } });
  return {
    sent: events.length,
    received,
    lost: events.length - received + overview.missing,
    duplicated: overview.extra + extraDuplicates,
    stuck,
  };
}

/** Prints the counts (they show in the test output) and holds the test to them. */
export function expectNothingLostOrDuplicated(scenario: string, t: Tally, detail = ""): void {
  console.log(
    `[faults] ${scenario}: sent=${t.sent} received=${t.received} lost=${t.lost} duplicated=${t.duplicated} stuck=${t.stuck}${detail ? ` ${detail}` : ""}`,
  );
  expect(t.sent).toBeGreaterThan(0);
  expect({ lost: t.lost, duplicated: t.duplicated, stuck: t.stuck }).toEqual({
    lost: 0,
    duplicated: 0,
    stuck: 0,
  });
  expect(t.received).toBe(t.sent);
}

/** Waits until every offer under test is projected at its current version and the outbox is empty. */
export async function settle(db: Database, offerIds: readonly string[], timeout = 60_000): Promise<void> {
  await expect
    .poll(
      async () => {
        const [offers, projected, unsent] = await Promise.all([
          db.offer.findMany({ where: { id: { in: [...offerIds] } }, select: { id: true, version: true } }),
          db.overviewOffer.findMany({
            where: { offerId: { in: [...offerIds] } },
            select: { offerId: true, version: true },
          }),
          db.outboxEvent.count({ where: { sentAt: null } }),
        ]);
        const at = new Map(projected.map((p) => [p.offerId, p.version]));
        const behind = offers.filter((o) => at.get(o.id) !== o.version).length;
        return { behind, unsent };
      },
      { timeout, interval: 250 },
    )
    .toEqual({ behind: 0, unsent: 0 });
}
