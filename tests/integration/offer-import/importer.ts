import { randomUUID } from "node:crypto";
import { previewOfferImport, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import type { Viewer } from "@samspill/gateway/context";

// A provider of its own with one editor, so the offers a test imports are counted apart from
// the seed's and from other files' (the run's database is shared).

export interface Importer {
  providerId: string;
  viewer: Viewer;
}

export async function createImporter(db: Database, label: string): Promise<Importer> {
  const suffix = randomUUID().slice(0, 8);
  const org = await db.organisation.create({
    data: { kind: "USER_ORGANISATION", name: `${label} importforening ${suffix}` },
  });
  const person = await db.person.create({
    data: { name: `${label} Importør`, email: `import-${suffix}@example.test` },
  });
  await db.membership.create({ data: { personId: person.id, organisationId: org.id, role: "EDITOR" } });
  return {
    providerId: org.id,
    viewer: {
      kind: "PERSON",
      personId: person.id,
      tokenId: null,
      name: person.name,
      memberships: [{ organisationId: org.id, role: "EDITOR" }],
    },
  };
}

export function preview(db: Database, who: Importer, bytes: Uint8Array | string, fileName = "tilbud.csv") {
  const data = typeof bytes === "string" ? new TextEncoder().encode(bytes) : bytes;
  return previewOfferImport(unitOf(db), who.viewer, { providerId: who.providerId, fileName }, data);
}

export const offersOf = (db: Database, providerId: string) => db.offer.count({ where: { providerId } });

/** Audit entries and outbox events about the provider's offers: what an import records. */
export async function recordsOf(db: Database, providerId: string) {
  const [audit, events] = await Promise.all([
    db.auditEntry.count({ where: { organisationId: providerId, entityType: "Offer" } }),
    db.outboxEvent.count({ where: { organisationId: providerId, aggregateType: "Offer" } }),
  ]);
  return { audit, events };
}
