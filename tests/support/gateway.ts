import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import type { WebhookTargetPolicy } from "@samspill/events/webhooks";
import { createGateway } from "@samspill/gateway";
import type { Viewer } from "@samspill/gateway/context";
import { seedId } from "@samspill/seed/ids";
import { pino } from "pino";
import { type GraphQLClient, graphQLClient } from "./graphql-client.js";

// Drives the real gateway (hono + yoga + schema) in-process through HTTP requests. The viewer
// is given directly here; tests of the sign-in flow itself use ./sign-in.ts instead.

export type { GraphQLResult } from "./graphql-client.js";

export interface TestGateway extends GraphQLClient {
  app: ReturnType<typeof createGateway>["app"];
}

export function testGateway(
  db: Database,
  viewer: Viewer | null = null,
  options: { webhookTargets?: WebhookTargetPolicy } = {},
): TestGateway {
  const { app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => viewer,
    webhookTargets: options.webhookTargets,
  });
  // The CSRF header stands in for the web app's; the viewer is given, so no cookie is needed.
  return { app, ...graphQLClient(app.fetch, "http://gateway.test/graphql", { "x-samspill-csrf": "1" }) };
}

/** The id the seed gives an organisation key such as "mun:1506", "hf:stolav" or "uo:ffo". */
export const orgId = (key: string) => seedId(`org:${key}`);

/** A viewer holding `role` in the organisation with seed key `orgKey` (a person, not a token). */
export function viewerWith(memberships: { org: string; role: Role }[], name = "Test Person"): Viewer {
  return {
    kind: "PERSON",
    personId: null,
    tokenId: null,
    name,
    memberships: memberships.map((m) => ({ organisationId: orgId(m.org), role: m.role })),
  };
}
