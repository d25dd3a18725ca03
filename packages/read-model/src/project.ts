import type { Database, Prisma } from "@samspill/database";
import { type OfferSnapshot, offerSnapshot } from "@samspill/events";
import {
  type ApplyDecision,
  type CountDelta,
  contributionsOf,
  decide,
  diffContributions,
  keyOf,
  normaliseSnapshot,
} from "./contributions.js";

type Tx = Prisma.TransactionClient;

export interface ProjectionResult {
  decision: ApplyDecision;
  offerId: string;
  /** Municipalities whose figures or lists may have changed (where it was or is published); empty unless applied. */
  municipalityNumbers: string[];
}

// First key of the two-key advisory lock: the projector's namespace, so its per-offer locks
// never collide with another feature's advisory locks.
const offerLockClass = 0x0f_fe_55;

/** One offer event for the projector: the offer as it is after the event, and the event's place. */
export interface ProjectionInput {
  snapshot: OfferSnapshot;
  eventSequence: bigint | null;
}

/** Applies one offer snapshot to the read model in its own transaction (see projectOffers). */
export async function projectOffer(
  db: Database,
  snapshot: OfferSnapshot,
  eventSequence: bigint | null,
): Promise<ProjectionResult> {
  const [result] = await projectOffers(db, [{ snapshot, eventSequence }]);
  return result!;
}

/**
 * Applies offer snapshots to the read model in one transaction: one lock, one read of the rows
 * before, one counter upsert and one projection upsert for all of them, so a worker holding many
 * events pays one commit instead of one each. Results come in input order. Two events of one offer
 * are serialised by a per-offer advisory lock (the row may not exist yet, so a row lock cannot do
 * it), taken in id order so two batches sharing offers cannot deadlock; counters change by
 * difference, so unrelated offers never wait for each other. Within a batch the events of one
 * offer are decided by version against the state the batch has reached so far, exactly as one
 * transaction each would be. The ROW EXCLUSIVE table lock comes first: it lets projections run side
 * by side but waits for a running rebuild, so a delta is never computed from the state a rebuild
 * is replacing.
 */
export async function projectOffers(
  db: Database,
  inputs: readonly ProjectionInput[],
): Promise<ProjectionResult[]> {
  if (inputs.length === 0) return [];
  const items = inputs.map((i) => ({ next: normaliseSnapshot(i.snapshot), eventSequence: i.eventSequence }));
  const ids = [...new Set(items.map((i) => i.next.id))].sort();
  return db.$transaction(
    async (tx) => {
      await tx.$executeRaw`LOCK TABLE "OverviewOffer" IN ROW EXCLUSIVE MODE`;
      // Postgres sorts before it evaluates a volatile select list, so the locks follow `ids`.
      await tx.$queryRaw`
        SELECT pg_advisory_xact_lock(${offerLockClass}::int, hashtext(id))::text
        FROM unnest(${ids}::text[]) AS id ORDER BY id`;
      // The state before comes from the projection's own rows, never the offer tables: the event
      // carries the new state, and the offer row may already be newer than this event.
      // Raw SQL for the read and the write: the snapshot is a nested JSON document, and Prisma's
      // model queries cost several times the CPU of the statement itself to encode and decode
      // it (the projector's hot path, see BENCHMARKS.md).
      const stored = await tx.$queryRaw<{ offerId: string; version: number; snapshot: unknown }[]>`
        SELECT "offerId"::text AS "offerId", "version", "snapshot" FROM "OverviewOffer"
        WHERE "offerId" = ANY(${ids}::uuid[])`;
      const current = new Map<string, { version: number; snapshot: OfferSnapshot | null }>(
        stored.map((r) => [r.offerId, { version: r.version, snapshot: null }]),
      );
      const storedSnapshots = new Map(stored.map((r) => [r.offerId, r.snapshot]));
      const deltas = new Map<string, CountDelta>();
      const rows = new Map<string, ReturnType<typeof projectionRow>>();
      const results = items.map(({ next, eventSequence }): ProjectionResult => {
        const state = current.get(next.id);
        const decision = decide(state?.version ?? null, next.version);
        if (decision !== "apply") return { decision, offerId: next.id, municipalityNumbers: [] };
        // Parsed only when an event applies to it: duplicates and late events cost no parse.
        const raw = storedSnapshots.get(next.id);
        const before = state ? (state.snapshot ?? offerSnapshot.parse(raw)) : null;
        for (const d of diffContributions(contributionsOf(before), contributionsOf(next))) {
          const key = keyOf(d);
          const offers = (deltas.get(key)?.offers ?? 0) + d.offers;
          deltas.set(key, { ...d, offers });
        }
        current.set(next.id, { version: next.version, snapshot: next });
        rows.set(next.id, projectionRow(next, eventSequence));
        // Only published offers show in the overview: a draft's edits change nothing anyone sees.
        const visible = [before, next].filter((s) => s?.status === "PUBLISHED");
        const touched = new Set(visible.flatMap((s) => s?.municipalityNumbers ?? []));
        return { decision, offerId: next.id, municipalityNumbers: [...touched].sort() };
      });
      // Key order, as diffContributions gives one event's: batches lock counter rows alike.
      const net = [...deltas.entries()]
        .filter(([, d]) => d.offers !== 0)
        .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
        .map(([, d]) => d);
      await applyDeltas(tx, net);
      await upsertProjections(tx, [...rows.values()]);
      return results;
    },
    { maxWait: 10_000, timeout: 20_000 },
  );
}

export function projectionRow(s: OfferSnapshot, eventSequence: bigint | null) {
  return {
    offerId: s.id,
    version: s.version,
    eventSequence,
    providerId: s.providerId,
    title: s.title,
    status: s.status,
    municipalityNumbers: s.municipalityNumbers,
    flaggedForReview: s.flaggedForReview,
    reviewDueOn: s.reviewDueOn ? new Date(`${s.reviewDueOn}T00:00:00Z`) : null,
    snapshot: s as unknown as Prisma.InputJsonValue,
    projectedAt: new Date(),
  } satisfies Prisma.OverviewOfferUncheckedCreateInput;
}

/** One INSERT … ON CONFLICT for every row: the rows travel as one JSON array. */
async function upsertProjections(tx: Tx, rows: readonly ReturnType<typeof projectionRow>[]): Promise<void> {
  if (rows.length === 0) return;
  const json = JSON.stringify(
    rows.map((row) => ({
      ...row,
      eventSequence: row.eventSequence?.toString() ?? null,
      reviewDueOn: row.reviewDueOn?.toISOString().slice(0, 10) ?? null,
    })),
  );
  await tx.$executeRaw`
    INSERT INTO "OverviewOffer" ("offerId", "version", "eventSequence", "providerId", "title", "status",
      "municipalityNumbers", "flaggedForReview", "reviewDueOn", "snapshot", "projectedAt")
    SELECT (r->>'offerId')::uuid, (r->>'version')::int, (r->>'eventSequence')::bigint, (r->>'providerId')::uuid,
      r->>'title', (r->>'status')::"OfferStatus",
      ARRAY(SELECT jsonb_array_elements_text(r->'municipalityNumbers')), (r->>'flaggedForReview')::boolean,
      (r->>'reviewDueOn')::date, r->'snapshot', (r->>'projectedAt')::timestamptz AT TIME ZONE 'UTC'
    FROM jsonb_array_elements(${json}::jsonb) AS r
    ON CONFLICT ("offerId") DO UPDATE SET
      "version" = EXCLUDED."version", "eventSequence" = EXCLUDED."eventSequence",
      "providerId" = EXCLUDED."providerId", "title" = EXCLUDED."title", "status" = EXCLUDED."status",
      "municipalityNumbers" = EXCLUDED."municipalityNumbers", "flaggedForReview" = EXCLUDED."flaggedForReview",
      "reviewDueOn" = EXCLUDED."reviewDueOn", "snapshot" = EXCLUDED."snapshot", "projectedAt" = EXCLUDED."projectedAt"`;
}

/**
 * Applies counter deltas in one INSERT … ON CONFLICT DO UPDATE, row by row in key order, so two
 * projections touching the same cells lock them in the same order and cannot deadlock. A new row
 * is inserted with max(delta, 0) because Postgres checks the CHECK (offers >= 0) on the proposed
 * row before it finds the conflict; the real delta is added on conflict. A decrement that finds
 * no row, or takes one below zero, means the read model disagrees with itself: the event fails.
 */
export async function applyDeltas(tx: Tx, deltas: readonly CountDelta[]): Promise<void> {
  if (deltas.length === 0) return;
  const m = deltas.map((d) => d.municipalityNumber);
  const d = deltas.map((x) => x.dimension);
  const v = deltas.map((x) => x.value);
  const p = deltas.map((x) => x.providerId);
  const n = deltas.map((x) => x.offers);
  const written = await tx.$queryRaw<{ inserted: boolean; delta: number }[]>`
    WITH t AS (
      SELECT t.m, t.d::"OverviewDimension" AS d, t.v, t.p::uuid AS p, t.n, t.i
      FROM unnest(${m}::text[], ${d}::text[], ${v}::text[], ${p}::text[], ${n}::int[]) WITH ORDINALITY AS t(m, d, v, p, n, i)
    )
    INSERT INTO "OverviewCount" AS c ("municipalityNumber", "dimension", "value", "providerId", "offers")
    SELECT t.m, t.d, t.v, t.p, GREATEST(t.n, 0) FROM t ORDER BY t.i
    ON CONFLICT ("municipalityNumber", "dimension", "value", "providerId")
    DO UPDATE SET "offers" = c."offers" + (
      SELECT t.n FROM t
      WHERE t.m = EXCLUDED."municipalityNumber" AND t.d = EXCLUDED."dimension" AND t.v = EXCLUDED."value"
        AND t.p = EXCLUDED."providerId"
    )
    RETURNING (c.xmax = 0) AS "inserted", (
      SELECT t.n FROM t
      WHERE t.m = c."municipalityNumber" AND t.d = c."dimension" AND t.v = c."value" AND t.p = c."providerId"
    )::int AS "delta"`;
  const missing = written.filter((w) => w.inserted && w.delta < 0).length;
  if (missing > 0)
    throw new Error(
      `Overview counters out of step (${missing} missing); run rebuild-overview, then redrive-failed`,
    );
  const down = deltas.filter((x) => x.offers < 0);
  if (down.length === 0) return;
  await tx.$executeRaw`
    DELETE FROM "OverviewCount" c
    USING unnest(${down.map((x) => x.municipalityNumber)}::text[], ${down.map((x) => x.dimension)}::text[],
                 ${down.map((x) => x.value)}::text[], ${down.map((x) => x.providerId)}::text[]) AS t(m, d, v, p)
    WHERE c."offers" = 0 AND c."municipalityNumber" = t.m AND c."dimension" = t.d::"OverviewDimension"
      AND c."value" = t.v AND c."providerId" = t.p::uuid`;
}
