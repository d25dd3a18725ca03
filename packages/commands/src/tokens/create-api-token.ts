import {
  type ApiTokenLifetime,
  apiTokenScopes,
  createApiTokenInput,
  DomainValidationError,
  defaultApiTokenLifetime,
  ForbiddenError,
  type Role,
  roleWithin,
} from "@samspill/domain";
import type { Actor } from "../actor.js";
import { parseAsAdmin } from "../organisation-admin.js";
import { transact, type Unit } from "../unit-of-work.js";
import { generateApiToken } from "./api-token-secret.js";

export interface CreatedApiToken {
  id: string;
  /** The clear token, for the caller to hand over once; only its hash is stored. */
  token: string;
}

const dayMs = 86_400_000;

/**
 * Creates an API token for the organisation, as its ADMIN. Every token expires: by default after
 * the deployment's default lifetime, never later than its maximum. A token minting a token
 * passes on no more than it holds: its scopes, its role and its remaining lifetime at most.
 */
export async function createApiToken(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
  lifetime: ApiTokenLifetime = defaultApiTokenLifetime,
) {
  const { input, admin } = parseAsAdmin(actor, createApiTokenInput, raw);
  const now = Date.now();
  const expiresAt = input.expiresAt ?? new Date(now + (input.expiresInDays ?? lifetime.defaultDays) * dayMs);
  if (expiresAt.getTime() > now + lifetime.maxDays * dayMs) {
    const field = input.expiresAt ? "expiresAt" : "expiresInDays";
    throw new DomainValidationError([
      {
        field,
        code: "too_big",
        message: `A token lives at most ${lifetime.maxDays} days`,
        messageNb: `Et token kan leve i høyst ${lifetime.maxDays} dager`,
        messageNn: `Eit token kan leve i høgst ${lifetime.maxDays} dagar`,
      },
    ]);
  }
  const scopes = input.scopes ?? [...apiTokenScopes];
  if (admin.kind === "API_TOKEN") assertWithinMintingToken(admin, input.role, scopes, expiresAt);
  const { token, tokenHash, prefix } = generateApiToken();
  return transact(unit, admin, async ({ tx, record }) => {
    const row = await tx.apiToken.create({
      data: {
        organisationId: input.organisationId,
        name: input.name,
        role: input.role,
        scopes,
        expiresAt,
        tokenHash,
        prefix,
        createdById: admin.personId,
      },
    });
    await record({
      action: "apiToken.create",
      entityType: "ApiToken",
      entityId: row.id,
      organisationId: row.organisationId,
      changes: { name: row.name, role: row.role, scopes, prefix, expiresAt: row.expiresAt },
    });
    return { id: row.id, token } satisfies CreatedApiToken;
  });
}

function assertWithinMintingToken(minter: Actor, role: Role, scopes: readonly string[], expiresAt: Date) {
  const own: readonly string[] = minter.scopes ?? [];
  const ownRoles = minter.memberships.map((m) => m.role);
  if (!ownRoles.some((r) => roleWithin(role, r)))
    throw new ForbiddenError("A token cannot create a token with a higher role than its own");
  if (!scopes.every((s) => own.includes(s)))
    throw new ForbiddenError("A token cannot create a token with scopes it does not hold");
  if (!minter.expiresAt || expiresAt.getTime() > minter.expiresAt.getTime())
    throw new ForbiddenError("A token cannot create a token that outlives it");
}
