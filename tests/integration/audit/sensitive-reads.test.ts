import type { Database } from "@samspill/database";
import { createGateway } from "@samspill/gateway";
import type { Viewer } from "@samspill/gateway/context";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { seedId } from "@samspill/seed/ids";
import { Redis } from "ioredis";
import { pino } from "pino";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import { orgId, testGateway, viewerWith } from "../../support/gateway.js";

// The regional health authority's admins may read other organisations' audit trails, the mails
// to their members and the queue dashboard; each such read leaves an audit entry of its own.

let db: Database;
let redis: Redis;
const molde = orgId("mun:1506");
const eva = (): Viewer => ({
  ...viewerWith([{ org: "rhf:hmn", role: "ADMIN" }], "Eva Strand"),
  personId: seedId("person:eva"),
});
const moldeAdmin = viewerWith([{ org: "mun:1506", role: "ADMIN" }]);

const trail = graphql(`query SensitiveTrail($entityType: String!, $entityId: String!) {
  auditTrail(entityType: $entityType, entityId: $entityId) { edges { node { action } } }
}`);
const mails = graphql(`query SensitiveMails { sentMails(first: 5) { edges { node { id } } } }`);
const preview = graphql(`query SensitivePreview($id: ID!) { previewDigest(personId: $id) { subject } }`);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  redis = new Redis(inject("redisUrl"));
});
afterAll(async () => {
  redis.disconnect();
  await db.$disconnect();
});

const readsLogged = (action: string) => db.auditEntry.count({ where: { action } });

describe("reads of other organisations' data", () => {
  it("log an RHF admin's read of another organisation's audit trail, not a member's of its own", async () => {
    const entry = await db.auditEntry.findFirstOrThrow({ where: { organisationId: molde } });
    const args = { entityType: entry.entityType, entityId: entry.entityId };
    const before = await readsLogged("read.auditTrail");

    const own = await testGateway(db, moldeAdmin).query(trail, args);
    expect(own.data?.auditTrail.edges.length).toBeGreaterThan(0);
    expect(await readsLogged("read.auditTrail")).toBe(before);

    const regional = await testGateway(db, eva()).query(trail, args);
    expect(regional.data?.auditTrail.edges.length).toBeGreaterThan(0);
    const logged = await db.auditEntry.findFirstOrThrow({
      where: { action: "read.auditTrail" },
      orderBy: { id: "desc" },
    });
    expect(logged).toMatchObject({
      actorKind: "PERSON",
      actorPersonId: seedId("person:eva"),
      entityType: "AuditTrail",
      entityId: `${entry.entityType}:${entry.entityId}`,
      organisationId: molde,
    });
  });

  it("log an RHF admin's reading of everyone's mail and of another organisation's member's digest", async () => {
    const mailBefore = await readsLogged("read.mail");
    expect((await testGateway(db, eva()).query(mails, {})).errors).toBeUndefined();
    expect(await readsLogged("read.mail")).toBe(mailBefore + 1);

    const member = await db.membership.findFirstOrThrow({ where: { organisationId: molde } });
    const previewBefore = await readsLogged("read.mailPreview");
    await testGateway(db, moldeAdmin).query(preview, { id: member.personId });
    expect(await readsLogged("read.mailPreview")).toBe(previewBefore);
    await testGateway(db, eva()).query(preview, { id: member.personId });
    const logged = await db.auditEntry.findFirstOrThrow({
      where: { action: "read.mailPreview" },
      orderBy: { id: "desc" },
    });
    expect(logged).toMatchObject({ entityId: member.personId, organisationId: molde });
    expect(await readsLogged("read.mailPreview")).toBe(previewBefore + 1);
  });

  it("log opening the queue dashboard", async () => {
    const { app } = createGateway({
      db,
      log: pino({ level: "silent" }),
      production: false,
      webOrigin: "http://127.0.0.1:5173",
      resolveViewer: async () => eva(),
      queueDashboard: { redis, prefix: `{${inject("queuePrefix")}}` },
    });
    const before = await readsLogged("read.queueDashboard");
    const page = await app.fetch(
      new Request("http://gateway.test/admin/queues", { headers: { accept: "text/html" } }),
    );
    expect(page.status).toBe(200);
    expect(await readsLogged("read.queueDashboard")).toBe(before + 1);
  });
});
