import type { Database } from "@samspill/database";
import { graphql, type ResultOf } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import fc from "fast-check";
import { print } from "graphql";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { type GraphQLResult, testGateway, viewerWith } from "../../support/gateway.js";

// Random and hostile input thrown at the offer mutations: the answer is always a typed result
// (success or a typed error naming fields), never an internal error, and a refused write leaves
// nothing behind.

let db: Database;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
});
afterAll(() => db.$disconnect());

const hostileText = fc.oneof(
  fc.string(),
  fc.string({ unit: "binary", maxLength: 300 }),
  fc.constantFrom(
    '\'; DROP TABLE "Offer"; --',
    "<script>alert(1)</script>",
    "<img src=x onerror=alert(1)>",
    'Robert\'); DELETE FROM "AuditEntry";--',
    "\u0000\u0001\u0002",
    "\ud800",
    '=HYPERLINK("http://evil")',
    "Kurs i depresjonsmestring (KiD)",
    "x".repeat(5000),
  ),
);
const maybe = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
/** Mostly a sound value, sometimes hostile: both the success and the refusal paths get exercised. */
const mostly = <T, U>(good: fc.Arbitrary<T>, bad: fc.Arbitrary<U>) =>
  fc.oneof({ arbitrary: good, weight: 5 }, { arbitrary: bad, weight: 1 });
const niceText = fc.constantFrom(
  "Kurs i depresjonsmestring (KiD)",
  "<b>Bra mat</b> & <i>helse</i>",
  '\'; DROP TABLE "Offer"; --',
  "Søvnkurs – æøå ÆØÅ",
  "=1+1",
);

const offerInput = (providerId: string) =>
  fc.record(
    {
      providerId: mostly(fc.constant(providerId), fc.oneof(fc.uuid(), hostileText)),
      title: mostly(niceText, hostileText),
      summary: mostly(niceText, hostileText),
      description: maybe(hostileText),
      kind: mostly(fc.constantFrom("GROUP_COURSE", "LECTURE", "PEER_ACTIVITY"), hostileText),
      diagnosisScope: fc.constantFrom("DIAGNOSIS_SPECIFIC", "DIAGNOSIS_INDEPENDENT"),
      diagnosisCodes: maybe(
        fc.array(mostly(fc.constantFrom("E11", "J44.1", "F20"), hostileText), { maxLength: 4 }),
      ),
      format: fc.constantFrom("PHYSICAL", "DIGITAL", "HYBRID"),
      languages: maybe(
        fc.array(mostly(fc.constantFrom("nb", "sma", "ar"), hostileText), { minLength: 1, maxLength: 3 }),
      ),
      municipalityNumbers: maybe(
        fc.array(mostly(fc.constantFrom("1506", "5001"), hostileText), { maxLength: 3 }),
      ),
      onlineUrl: maybe(
        mostly(
          fc.constant("https://molde.kommune.no/kurs"),
          fc.oneof(hostileText, fc.constant("javascript:alert(1)")),
        ),
      ),
      contactEmail: maybe(mostly(fc.constant("post@molde.kommune.no"), hostileText)),
      contactPhone: maybe(mostly(fc.constant("+47 71 11 10 00"), hostileText)),
      a0099Eligible: maybe(fc.boolean()),
      reviewDueOn: maybe(mostly(fc.constant("2030-01-31"), hostileText)),
    },
    { requiredKeys: ["providerId", "title", "summary", "kind", "diagnosisScope", "format"] },
  );

const createOffer = graphql(`mutation Create($input: CreateOfferInput!) {
  createOffer(input: $input) {
    __typename
    ... on MutationCreateOfferSuccess { data { id title } }
    ... on ValidationError { issues { field code message messageNb } }
    ... on Error { message }
  }
}`);

describe("hostile input to createOffer", () => {
  it("always answers with a typed result and never writes half", async () => {
    const kari = viewerWith([{ org: "mun:1506", role: "EDITOR" }]);
    const providerId = kari.memberships[0]!.organisationId;
    const gateway = testGateway(db, kari);
    const counts = { success: 0, validation: 0, graphql: 0, forbidden: 0 };

    await fc.assert(
      fc.asyncProperty(offerInput(providerId), async (input) => {
        const before = {
          audit: await db.auditEntry.count(),
          outbox: await db.outboxEvent.count(),
          offers: await db.offer.count(),
        };
        const flagsBefore = await db.forumFlag.count();
        // The input is hostile on purpose, so it goes out untyped; the answer is the document's.
        const answer = (await gateway.send(print(createOffer), { input })) as GraphQLResult<
          ResultOf<typeof createOffer>
        >;
        expect(answer.status).toBeLessThan(500);
        for (const e of answer.errors ?? []) expect(e.message).not.toMatch(/Unexpected error/);
        const after = {
          audit: await db.auditEntry.count(),
          outbox: await db.outboxEvent.count(),
          offers: await db.offer.count(),
        };
        const result = answer.data?.createOffer;
        if (result?.__typename === "MutationCreateOfferSuccess") {
          counts.success++;
          // A municipality's diagnosis-specific offer also raises the forum's task-division flag
          // in each of its health communities, each audited and announced.
          const raised = (await db.forumFlag.count()) - flagsBefore;
          expect(after).toEqual({
            audit: before.audit + 1 + raised,
            outbox: before.outbox + 1 + raised,
            offers: before.offers + 1,
          });
          // Stored as text, byte for byte: nothing interpreted, nothing stripped silently.
          const stored = await db.offer.findUniqueOrThrow({ where: { id: result.data.id } });
          expect(stored.title).toBe(String(input.title).trim());
        } else {
          if (result?.__typename === "ValidationError") {
            counts.validation++;
            expect(result.issues.length).toBeGreaterThan(0);
          } else if (result) {
            counts.forbidden++;
          } else {
            counts.graphql++;
            expect(answer.errors?.length).toBeGreaterThan(0);
          }
          expect(after).toEqual(before);
        }
      }),
      { numRuns: 150 },
    );
    console.log(`hostile createOffer: ${JSON.stringify(counts)}`);
    expect(counts.validation).toBeGreaterThan(0);
    expect(counts.success).toBeGreaterThan(0);
  }, 120_000);
});
