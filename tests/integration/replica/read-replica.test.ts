import { randomUUID } from "node:crypto";
import { createDatabase, type Database } from "@samspill/database";
import { createGateway } from "@samspill/gateway";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { type Provisioned, provisionDatabase } from "../../setup/provision.js";
import { successData } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import { graphQLClient } from "../../support/graphql-client.js";

// The "replica" is a second database built from the same migrations but holding different rows,
// so where an answer came from shows in the answer. The gateway's replica connection is
// read-only, as a hot standby is: a query path that tried to write would fail here.

let primary: Database;
let replicaDb: Provisioned;
let replicaWriter: Database;
let replica: Database;
let gateway: ReturnType<typeof createGateway>;

const molde = orgId("mun:1506");
const replicaOnlyOfferId = randomUUID();
const replicaOnlyTitle = `Bare på replikaen ${replicaOnlyOfferId.slice(0, 8)}`;

/** New sessions start read-only; on PGlite all connections share the one session, so set it there too. */
async function makeReadOnly(db: Database) {
  await db.$executeRawUnsafe(
    "DO $$ BEGIN EXECUTE format('ALTER DATABASE %I SET default_transaction_read_only = on', current_database()); END $$",
  );
  if (inject("databaseMode") === "pglite")
    await db.$executeRawUnsafe("SET default_transaction_read_only = on");
}

// `gateway` is made in beforeAll, so it is looked up per request.
const { query } = graphQLClient((request) => gateway.app.fetch(request), "http://gateway.test/graphql", {
  "x-samspill-csrf": "1",
});

const offerQuery = graphql(`query Offer($id: ID!) { offer(id: $id) { id title } }`);

beforeAll(async () => {
  primary = testDatabase();
  await seedDemoData(primary);
  replicaDb = await provisionDatabase(inject("databaseMode"));
  replicaWriter = createDatabase({ url: replicaDb.url, maxConnections: 2 });
  const provider = await replicaWriter.organisation.create({
    data: { kind: "MUNICIPALITY", name: `Replikakommune ${replicaOnlyOfferId.slice(0, 8)}` },
  });
  await replicaWriter.offer.create({
    data: {
      id: replicaOnlyOfferId,
      providerId: provider.id,
      title: replicaOnlyTitle,
      summary: "Finnes bare i replikadatabasen",
      kind: "GROUP_COURSE",
      diagnosisScope: "DIAGNOSIS_INDEPENDENT",
      format: "PHYSICAL",
      status: "PUBLISHED",
      publishedAt: new Date(),
    },
  });
  await makeReadOnly(replicaWriter);
  replica = createDatabase({ url: replicaDb.url, maxConnections: 2 });
  gateway = createGateway({
    db: primary,
    replica,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => viewerWith([{ org: "mun:1506", role: "EDITOR" }]),
  });
});

afterAll(async () => {
  await Promise.allSettled([primary?.$disconnect(), replica?.$disconnect(), replicaWriter?.$disconnect()]);
  await replicaDb?.teardown();
});

describe("read replica", () => {
  it("is read-only for the gateway, as a standby is", async () => {
    await expect(
      replica.organisation.create({ data: { kind: "MUNICIPALITY", name: `Skal feile ${randomUUID()}` } }),
    ).rejects.toThrow(/read-only/);
  });

  it("answers GraphQL queries from the replica", async () => {
    expect(await primary.offer.findUnique({ where: { id: replicaOnlyOfferId } })).toBeNull();
    const result = await query(offerQuery, {
      id: replicaOnlyOfferId,
    });
    expect(result.errors).toBeUndefined();
    expect(result.data?.offer).toEqual({ id: replicaOnlyOfferId, title: replicaOnlyTitle });
  });

  it("runs mutations, and the reads inside them, on the primary", async () => {
    const title = `Skrevet til primæren ${randomUUID().slice(0, 8)}`;
    const created = await query(
      graphql(`mutation Create($input: CreateOfferInput!) {
        createOffer(input: $input) {
          __typename
          ... on MutationCreateOfferSuccess { data { id title provider { id } } }
          ... on Error { message }
        }
      }`),
      {
        input: {
          providerId: molde,
          title,
          summary: "Opprettet gjennom gatewayen med replika",
          kind: "GROUP_COURSE",
          diagnosisScope: "DIAGNOSIS_INDEPENDENT",
          format: "DIGITAL",
          municipalityNumbers: ["1506"],
        },
      },
    );
    expect(created.errors).toBeUndefined();
    expect(created.data?.createOffer.__typename).toBe("MutationCreateOfferSuccess");
    const id = successData(created.data?.createOffer).id ?? "";
    // The answer was read back inside the mutation: from the primary, where the row is.
    expect(successData(created.data?.createOffer)).toEqual({ id, title, provider: { id: molde } });
    expect((await primary.offer.findUnique({ where: { id } }))?.title).toBe(title);
    expect(await replicaWriter.offer.findUnique({ where: { id } })).toBeNull();

    // A later query goes to the replica, which (like a lagging standby) does not have it yet.
    const read = await query(offerQuery, { id });
    expect(read.errors).toBeUndefined();
    expect(read.data?.offer).toBeNull();
  });

  it("serves the read-only export routes from the replica", async () => {
    const fromReplica = await gateway.app.fetch(
      new Request(`http://gateway.test/calendar/offers/${replicaOnlyOfferId}.ics`),
    );
    expect(fromReplica.status).toBe(200);
    expect(await fromReplica.text()).toContain("BEGIN:VCALENDAR");
  });

  it("leaves every query on the primary when no replica is configured", async () => {
    const primaryOnly = createGateway({
      db: primary,
      log: pino({ level: "silent" }),
      production: false,
      webOrigin: "http://127.0.0.1:5173",
    });
    const answer = await graphQLClient(primaryOnly.app.fetch, "http://gateway.test/graphql", {
      "x-samspill-csrf": "1",
    }).query(offerQuery, { id: replicaOnlyOfferId });
    expect(answer.data!.offer).toBeNull();
  });
});
