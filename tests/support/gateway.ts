import type { Database } from "@samspill/database";
import { seedId } from "@samspill/database/seed/ids";
import type { Role } from "@samspill/domain";
import { createGateway } from "@samspill/gateway";
import type { Viewer } from "@samspill/gateway/context";
import { pino } from "pino";

// Drives the real gateway (hono + yoga + schema) in-process through HTTP requests. The viewer
// is given directly here; tests of the sign-in flow itself use ./sign-in.ts instead.

export interface GraphQLResult<T = Record<string, unknown>> {
  status: number;
  data?: T;
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

export interface TestGateway {
  app: ReturnType<typeof createGateway>["app"];
  query<T = Record<string, unknown>>(
    query: string,
    variables?: Record<string, unknown>,
  ): Promise<GraphQLResult<T>>;
}

export function testGateway(db: Database, viewer: Viewer | null = null): TestGateway {
  const { app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => viewer,
  });
  return {
    app,
    async query<T>(query: string, variables: Record<string, unknown> = {}) {
      const response = await app.fetch(
        new Request("http://gateway.test/graphql", {
          method: "POST",
          headers: { "content-type": "application/json", "x-samspill-csrf": "1" },
          body: JSON.stringify({ query, variables }),
        }),
      );
      const body = (await response.json()) as Omit<GraphQLResult<T>, "status">;
      return { status: response.status, ...body };
    },
  };
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
