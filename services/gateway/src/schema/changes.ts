import { Prisma } from "@samspill/database";
import { isEventType } from "@samspill/events";
import { z } from "zod";
import { builder } from "../builder.js";
import { pagedCost } from "../query-cost.js";
import { visibleOrganisations } from "./offer.js";

// The change feed for integrators: the domain events of the outbox, in `sequence` order, paged
// by a cursor that is the sequence number.
//
// Who sees what: a signed-in caller (person or API token) sees the events of its own
// organisations, and the public offer events of everyone: offer.* events whose offer snapshot
// is published, plus a published offer's status change away from published (a withdrawal is
// public news too). Visibility follows the snapshot the event carries, so what was public when
// it happened stays public and drafts never show.
//
// Ordering is safe against commit order. Sequence numbers are taken when a transaction inserts
// its event, not when it commits, so an event with a lower number can become visible after one
// with a higher number; a reader that moved past the gap would miss it for good. The feed
// therefore stops before the first gap in the numbers whose next event is recent: the gap is a
// transaction still running. A gap older than GAP_SECONDS is a rolled-back transaction (gateway
// transactions time out after 15 seconds, see write.ts) and is passed.

const GAP_SECONDS = 30;
/** Events examined per request, visible or not; bounds the work of one page. */
const SCAN = 2_000;

interface ChangeEvent {
  sequence: bigint;
  id: string;
  type: string;
  aggregateType: string;
  aggregateId: string;
  organisationId: string | null;
  occurredAt: Date;
  payload: unknown;
}

const ChangeEventRef = builder.objectRef<ChangeEvent>("ChangeEvent").implement({
  description: "A domain event, as stored in the outbox with the change it describes.",
  fields: (t) => ({
    id: t.exposeID("id"),
    sequence: t.string({
      description: "Position in the feed; also the cursor.",
      resolve: (e) => e.sequence.toString(),
    }),
    type: t.exposeString("type", {
      description: "e.g. offer.updated, participation.reported, measure.updated.",
    }),
    aggregateType: t.exposeString("aggregateType"),
    aggregateId: t.exposeString("aggregateId"),
    organisationId: t.exposeID("organisationId", { nullable: true }),
    occurredAt: t.expose("occurredAt", { type: "DateTime" }),
    payload: t.expose("payload", { type: "JSON" }),
  }),
});

const ChangeEventConnection = builder.connectionObject(
  { type: ChangeEventRef, name: "ChangeEventConnection" },
  { name: "ChangeEventEdge" },
);

interface Row extends ChangeEvent {
  horizon: bigint;
  gapped: boolean;
  scanned: bigint;
}

builder.queryFields((t) => ({
  changes: t.field({
    type: ChangeEventConnection,
    complexity: pagedCost(500),
    description: [
      "The change feed: domain events after the cursor, oldest first. You see your organisations' events and public offer events.",
      "Keep `pageInfo.endCursor` and pass it as `after` next time: when a page has fewer than `first` events it is the feed's",
      "safe position (past events you do not see), so it can move even when `edges` is empty.",
      "`hasNextPage` false means: nothing more yet, poll again later.",
    ].join(" "),
    authScopes: { signedIn: true },
    args: {
      after: t.arg.string({ description: "A cursor from an earlier page; absent: from the beginning." }),
      first: t.arg.int({ description: "Events per page, 1–500 (default 100)." }),
      types: t.arg.stringList({ description: "Only these event types." }),
    },
    validate: z
      .object({
        after: z
          .string()
          .regex(/^\d{1,19}$/, { message: "Expected a cursor from pageInfo.endCursor" })
          .nullish(),
        first: z.number().int().min(1).max(500).nullish(),
        types: z
          .array(z.string().refine(isEventType, { message: "Unknown event type" }))
          .max(50)
          .nullish(),
      })
      .strict(),
    resolve: async (_root, args, ctx) => {
      const after = BigInt(args.after ?? "0");
      const first = args.first ?? 100;
      const orgs = visibleOrganisations(ctx);
      const types = args.types?.length ? Prisma.sql`AND e."type" = ANY(${args.types}::text[])` : Prisma.empty;
      // One statement, so the horizon and the page come from the same snapshot.
      const rows = await ctx.db.$queryRaw<Row[]>`
        WITH scanned AS (
          SELECT "sequence", "occurredAt", lag("sequence", 1, ${after}::bigint) OVER (ORDER BY "sequence") AS prev
          FROM "OutboxEvent"
          WHERE "sequence" > ${after}::bigint
          ORDER BY "sequence"
          LIMIT ${SCAN}
        ),
        recent_gap AS (
          SELECT min(prev) AS before_gap FROM scanned
          WHERE "sequence" <> prev + 1 AND "occurredAt" > now() - make_interval(secs => ${GAP_SECONDS})
        ),
        horizon AS (
          SELECT coalesce((SELECT before_gap FROM recent_gap), (SELECT max("sequence") FROM scanned), ${after}::bigint) AS horizon,
                 (SELECT before_gap FROM recent_gap) IS NOT NULL AS gapped,
                 (SELECT count(*) FROM scanned) AS scanned
        ),
        page AS (
          SELECT e."sequence", e."id", e."type", e."aggregateType", e."aggregateId", e."organisationId", e."occurredAt", e."payload"
          FROM "OutboxEvent" e, horizon h
          WHERE e."sequence" > ${after}::bigint AND e."sequence" <= h.horizon
            AND (
              e."organisationId" = ANY(${orgs}::uuid[])
              OR (e."type" LIKE 'offer.%' AND (
                e."payload" -> 'offer' ->> 'status' = 'PUBLISHED'
                OR (e."type" = 'offer.status_changed' AND e."payload" ->> 'from' = 'PUBLISHED')))
            )
            ${types}
          ORDER BY e."sequence"
          LIMIT ${first + 1}
        )
        SELECT page.*, h.horizon, h.gapped, h.scanned
        FROM horizon h LEFT JOIN page ON true
        ORDER BY page."sequence"`;
      const meta = rows[0]!;
      const events = rows.filter((r) => r.sequence !== null);
      const more = events.length > first;
      const page = events.slice(0, first);
      const edges = page.map((node) => ({ cursor: node.sequence.toString(), node }));
      const endCursor = more ? page[page.length - 1]!.sequence : meta.horizon;
      return {
        edges,
        pageInfo: {
          hasNextPage: more || (!meta.gapped && Number(meta.scanned) === SCAN),
          hasPreviousPage: after > 0n,
          startCursor: edges[0]?.cursor ?? null,
          endCursor: endCursor.toString(),
        },
      };
    },
  }),
}));
