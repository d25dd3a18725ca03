import { createApiTokenInput } from "@samspill/domain";
import type { Actor } from "../actor.js";
import { parseAsAdmin } from "../organisation-admin.js";
import { transact, type Unit } from "../unit-of-work.js";
import { generateApiToken } from "./api-token-secret.js";

export interface CreatedApiToken {
  id: string;
  /** The clear token, for the caller to hand over once; only its hash is stored. */
  token: string;
}

/** Creates an API token for the organisation, as its ADMIN. */
export async function createApiToken(unit: Unit, actor: Actor | null, raw: unknown) {
  const { input, admin } = parseAsAdmin(actor, createApiTokenInput, raw);
  const { token, tokenHash, prefix } = generateApiToken();
  return transact(unit, admin, async ({ tx, record }) => {
    const row = await tx.apiToken.create({
      data: {
        organisationId: input.organisationId,
        name: input.name,
        role: input.role,
        expiresAt: input.expiresAt ?? null,
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
      changes: { name: row.name, role: row.role, prefix, expiresAt: row.expiresAt },
    });
    return { id: row.id, token } satisfies CreatedApiToken;
  });
}
