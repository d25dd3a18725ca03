import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { createGateway } from "@samspill/gateway";
import type { Viewer } from "@samspill/gateway/context";
import type { TadaDocumentNode } from "@samspill/graphql";
import { seedId } from "@samspill/seed/ids";
import { print } from "graphql";
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
  /** Sends a document written with `graphql()` from @samspill/graphql; the answer is typed from the schema. */
  query<R, V>(document: TadaDocumentNode<R, V>, variables?: V): Promise<GraphQLResult<R>>;
  /** Sends text as it is: for the tests that send malformed, unknown or generated documents on purpose. */
  send(text: string, variables?: Record<string, unknown>): Promise<GraphQLResult>;
}

export function testGateway(db: Database, viewer: Viewer | null = null): TestGateway {
  const { app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async () => viewer,
  });
  const send = async (query: string, variables: Record<string, unknown> = {}) => {
    const response = await app.fetch(
      new Request("http://gateway.test/graphql", {
        method: "POST",
        headers: { "content-type": "application/json", "x-samspill-csrf": "1" },
        body: JSON.stringify({ query, variables }),
      }),
    );
    const body = (await response.json()) as Omit<GraphQLResult, "status">;
    return { status: response.status, ...body };
  };
  return {
    app,
    send,
    // The answer is what the gateway validated against the same schema the document was typed by.
    query: async <R, V>(document: TadaDocumentNode<R, V>, variables?: V) =>
      (await send(print(document), variables ?? {})) as GraphQLResult<R>,
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
