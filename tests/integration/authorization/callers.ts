import { createApiToken, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import type { Role } from "@samspill/domain";
import { createGateway, type GatewayPubSub, type Viewer } from "@samspill/gateway";
import { pino } from "pino";
import { resolveApiToken } from "../../../services/gateway/src/auth/api-tokens.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import type { ForeignObjects } from "./foreign-objects.js";

// The outsiders the authorisation suites try: a signed-out visitor, each role of an organisation
// that has nothing to do with the foreign objects, an API token of that organisation limited to
// reading, and the owner's own token once it has expired. Tokens go through the gateway's real
// bearer resolution; people are given as viewers.

export const outsiderKey = "uo:safo";
const roles: Role[] = ["ADMIN", "EDITOR", "REPORTER", "FORUM_MEMBER", "VIEWER"];

export interface Caller {
  name: string;
  viewer: Viewer | null;
  /** Sent as `Authorization: Bearer …` instead of a viewer. */
  bearer?: string;
}

export async function outsiders(db: Database, foreign: ForeignObjects): Promise<Caller[]> {
  const outsiderAdmin = viewerWith([{ org: outsiderKey, role: "ADMIN" }]);
  const scoped = await createApiToken(unitOf(db), outsiderAdmin, {
    organisationId: orgId(outsiderKey),
    name: "Les-token",
    role: "VIEWER",
    scopes: ["read"],
  });
  // The owner's token, as if made two days ago with a lifetime that ran out a minute ago.
  await db.apiToken.update({
    where: { id: foreign.apiTokenId },
    data: { createdAt: new Date(Date.now() - 2 * 86_400_000), expiresAt: new Date(Date.now() - 60_000) },
  });
  return [
    { name: "signed out", viewer: null },
    ...roles.map((role) => ({
      name: `${role} of an unrelated organisation`,
      viewer: viewerWith([{ org: outsiderKey, role }]),
    })),
    { name: "read-scoped token of an unrelated organisation", viewer: null, bearer: scoped.token },
    { name: "the owner's expired ADMIN token", viewer: null, bearer: foreign.apiToken },
  ];
}

export function headersOf(caller: Caller): Record<string, string> {
  return caller.bearer ? { authorization: `Bearer ${caller.bearer}` } : {};
}

/** The gateway as a caller meets it; query limits relaxed, since whole types are selected at once. */
export function gatewayFor(
  db: Database,
  caller: Caller,
  extra: Partial<Parameters<typeof createGateway>[0]> & { pubsub?: GatewayPubSub } = {},
) {
  return createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: async (request) => {
      const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.get("authorization") ?? "")?.[1];
      return bearer ? resolveApiToken(db, bearer) : caller.viewer;
    },
    // Documents select every field a few levels deep, every list at its default page (a
    // meeting's 500 participants, a catchment's 400 municipalities): priced as they really are,
    // which for such all-field documents runs to tens of millions. The cost limit has tests of
    // its own (hardening/query-cost); here it only has to let the generated documents through.
    queryLimits: {
      maxDepth: 30,
      maxCost: 500_000_000,
      maxAliases: 50,
      maxTokens: 100_000,
      maxDirectives: 50,
    },
    ...extra,
  }).app;
}
