import { randomUUID } from "node:crypto";
import type { Database } from "@samspill/database";

// A provider of its own, with published offers no other test reports on: summaries over it
// contain exactly the figures the test put there. A user organisation (they run peer
// activities), so the seed's count of hospital trusts stays as the seed test expects; each
// offer serves Trondheim, as every seeded offer serves some municipality.

export interface TestProvider {
  id: string;
  offerIds: string[];
}

export async function createProvider(db: Database, label: string, offers: number): Promise<TestProvider> {
  const org = await db.organisation.create({
    data: { kind: "USER_ORGANISATION", name: `${label} likepersonforening ${randomUUID().slice(0, 8)}` },
  });
  const offerIds: string[] = [];
  for (let i = 0; i < offers; i++) {
    const offer = await db.offer.create({
      data: {
        providerId: org.id,
        title: `${label} likepersongruppe ${i + 1}`,
        summary: "Testgruppe",
        kind: "PEER_ACTIVITY",
        diagnosisScope: "DIAGNOSIS_INDEPENDENT",
        format: "PHYSICAL",
        audiences: ["PATIENTS", "CARERS"],
        // Peer groups are run with user representatives, so user organisations (FFO in the
        // participation tests) take part in them and may report on them.
        userRepDelivery: true,
        status: "PUBLISHED",
        publishedAt: new Date(),
        municipalities: { create: [{ municipalityNumber: "5001" }] },
      },
    });
    offerIds.push(offer.id);
  }
  return { id: org.id, offerIds };
}
