import { createApiToken, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { type ApiTokenScope, apiTokenScopes } from "@samspill/domain";
import { createGateway } from "@samspill/gateway";
import { pino } from "pino";
import { resolveApiToken } from "../../../services/gateway/src/auth/api-tokens.js";
import { orgId, viewerWith } from "../../support/gateway.js";
import { type GraphQLClient, graphQLClient } from "../../support/graphql-client.js";

// API tokens as the mutation suite tries them: made by the real command, sent as
// `Authorization: Bearer …` and resolved by the gateway's own bearer resolution.

/** The scope each mutation needs from a token; a mutation missing here fails the suite. */
export const mutationScopes: Record<string, ApiTokenScope> = {
  createOrganisation: "write:organisation",
  createUnit: "write:organisation",
  invitePerson: "manage:access",
  removeMembership: "write:organisation",
  revokeInvitation: "manage:access",
  updateMembership: "write:organisation",
  updateOrganisation: "write:organisation",
  updateUnit: "write:organisation",
  addFollowUp: "write:meetings",
  addMeasureProgressNote: "write:meetings",
  // Action plans as they are revised and kept to time (issue 15).
  addMeasure: "write:meetings",
  reviseMeasure: "write:meetings",
  meetMeasureCheckpoint: "write:meetings",
  meetActionPlanReview: "write:meetings",
  addMeetingDecision: "write:meetings",
  addSession: "write:offers",
  // Sign-up: public (anyone, or whoever holds a private link) except the provider's decision.
  // Each is still refused here: the generated input names no session, link or request.
  signUpForSession: "write:offers",
  updateSignUp: "write:offers",
  cancelSignUp: "write:offers",
  answerSeatOffer: "write:offers",
  deleteSignUp: "write:offers",
  decideSignUpRequest: "write:offers",
  cancelSession: "write:offers",
  changeOfferStatus: "write:offers",
  markOfferReviewed: "write:offers",
  confirmOfferImport: "write:offers",
  correctParticipationReport: "write:participation",
  createAgreement: "write:agreements",
  createApiToken: "manage:access",
  createMeetingPoint: "write:meetings",
  createOffer: "write:offers",
  createWebhookSubscription: "manage:access",
  deleteWebhookSubscription: "manage:access",
  editOfferImportRow: "write:offers",
  linkOfferToAgreement: "write:agreements",
  recordForumReview: "write:meetings",
  raiseForumFlag: "write:meetings",
  resolveForumFlags: "write:meetings",
  dismissForumFlag: "write:meetings",
  recordMinutes: "write:meetings",
  reportPamEvaluation: "write:participation",
  recordPamResults: "write:participation",
  deletePamResult: "write:participation",
  recordAttendance: "write:participation",
  prepareAttendanceReport: "write:participation",
  confirmAttendanceReport: "write:participation",
  reportParticipation: "write:participation",
  revokeApiToken: "manage:access",
  setAgreementResponsibilities: "write:agreements",
  // A person's own mail language: refused to every token (tokens act for an organisation).
  setMyLanguage: "manage:access",
  // A person's own mail subscriptions: likewise refused to every token.
  saveMyMailSubscription: "manage:access",
  cancelMyMailSubscription: "manage:access",
  // A person's own private calendar feed link: likewise refused to every token.
  createMyCalendarFeed: "manage:access",
  revokeMyCalendarFeed: "manage:access",
  setMeetingParticipants: "write:meetings",
  unlinkOfferFromAgreement: "write:agreements",
  updateAgreement: "write:agreements",
  updateFollowUp: "write:meetings",
  updateMeasureStatus: "write:meetings",
  updateMeetingPoint: "write:meetings",
  updateOffer: "write:offers",
  updateSession: "write:offers",
};

/** Arguments naming an organisation: pointed at the token's own organisation for the owner's tokens. */
const organisationArgs = new Set(["organisationId", "providerId", "organiserId", "reporterId", "ownerId"]);

/** Replaces every organisation-naming value in `variables` (at any depth) by `organisationId`. */
export function naming(variables: unknown, organisationId: string): unknown {
  if (Array.isArray(variables)) return variables.map((v) => naming(v, organisationId));
  if (variables === null || typeof variables !== "object") return variables;
  return Object.fromEntries(
    Object.entries(variables).map(([k, v]) => [
      k,
      organisationArgs.has(k) ? organisationId : naming(v, organisationId),
    ]),
  );
}

/** An ADMIN token of the organisation holding `scopes`. */
export async function adminToken(db: Database, orgKey: string, scopes: readonly ApiTokenScope[]) {
  const made = await createApiToken(unitOf(db), viewerWith([{ org: orgKey, role: "ADMIN" }]), {
    organisationId: orgId(orgKey),
    name: `Token med ${scopes.length} scopes`,
    role: "ADMIN",
    scopes: [...scopes],
  });
  return made;
}

/** An ADMIN token with every scope whose lifetime ran out a minute ago (made two days ago). */
export async function expiredAdminToken(db: Database, orgKey: string): Promise<string> {
  const made = await adminToken(db, orgKey, apiTokenScopes);
  await db.apiToken.update({
    where: { id: made.id },
    data: { createdAt: new Date(Date.now() - 2 * 86_400_000), expiresAt: new Date(Date.now() - 60_000) },
  });
  return made.token;
}

/** For each scope, an ADMIN token of the organisation holding every scope but that one. */
export async function tokensLacking(db: Database, orgKey: string) {
  const out = new Map<ApiTokenScope, string>();
  for (const missing of apiTokenScopes)
    out.set(
      missing,
      (
        await adminToken(
          db,
          orgKey,
          apiTokenScopes.filter((s) => s !== missing),
        )
      ).token,
    );
  return out;
}

/** The gateway with the bearer token resolved as in production. */
export function bearerGateway(db: Database, token: string): GraphQLClient {
  const { app } = createGateway({
    db,
    log: pino({ level: "silent" }),
    production: false,
    webOrigin: "http://127.0.0.1:5173",
    resolveViewer: () => resolveApiToken(db, token),
  });
  return graphQLClient(app.fetch, "http://gateway.test/graphql", { authorization: `Bearer ${token}` });
}
