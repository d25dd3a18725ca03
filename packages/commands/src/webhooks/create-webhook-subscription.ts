import { randomBytes } from "node:crypto";
import { DomainValidationError, fieldIssue } from "@samspill/domain";
import {
  checkWebhookTarget,
  WebhookTargetError,
  type WebhookTargetPolicy,
  webhookTargetPolicy,
} from "@samspill/events/webhooks";
import type { Actor } from "../actor.js";
import { parseAsAdmin } from "../organisation-admin.js";
import { transact, type Unit } from "../unit-of-work.js";
import { createWebhookSubscriptionInput } from "./subscription-input.js";

// Each delivery is signed with the subscription's secret (packages/events/src/webhooks), so the
// hub keeps the secret itself; the caller sees it once, in this command's result.

const maxSubscriptionsPerOrganisation = 20;

export interface CreatedWebhookSubscription {
  id: string;
  /** The signing secret, for the caller to hand to the receiver; never shown again. */
  secret: string;
}

/**
 * Subscribes a URL to the organisation's visible events, as the organisation's ADMIN. The URL's
 * host must resolve to public addresses only, or to networks `targets` allow-lists.
 */
export async function createWebhookSubscription(
  unit: Unit,
  actor: Actor | null,
  raw: unknown,
  targets: WebhookTargetPolicy = webhookTargetPolicy(),
) {
  const { input, admin } = parseAsAdmin(actor, createWebhookSubscriptionInput, raw);
  // After the role check (no one else gets to probe DNS through the hub), before the transaction.
  await checkTarget(input.url, targets);
  const secret = `whsec_${randomBytes(32).toString("base64url")}`;
  return transact(unit, admin, async ({ tx, record }) => {
    const existing = await tx.webhookSubscription.count({ where: { organisationId: input.organisationId } });
    if (existing >= maxSubscriptionsPerOrganisation) {
      throw new DomainValidationError([
        fieldIssue(
          "organisationId",
          "too_many_webhooks",
          `An organisation has at most ${maxSubscriptionsPerOrganisation} webhook subscriptions`,
          `En organisasjon kan ha høyst ${maxSubscriptionsPerOrganisation} webhook-abonnementer`,
          `Ein organisasjon kan ha høgst ${maxSubscriptionsPerOrganisation} webhook-abonnement`,
        ),
      ]);
    }
    const row = await tx.webhookSubscription.create({
      data: { organisationId: input.organisationId, url: input.url, eventTypes: input.eventTypes, secret },
    });
    await record({
      action: "webhookSubscription.create",
      entityType: "WebhookSubscription",
      entityId: row.id,
      organisationId: row.organisationId,
      changes: { url: row.url, eventTypes: row.eventTypes },
    });
    return { id: row.id, secret } satisfies CreatedWebhookSubscription;
  });
}

async function checkTarget(url: string, targets: WebhookTargetPolicy): Promise<void> {
  try {
    await checkWebhookTarget(url, targets);
  } catch (error) {
    if (!(error instanceof WebhookTargetError)) throw error;
    throw new DomainValidationError([
      fieldIssue(
        "url",
        "webhook_target",
        "must be a host on the public internet (every address it resolves to)",
        "må være en vert på det åpne internettet (alle adressene den slår opp til)",
        "må vere ein vert på det opne internettet (alle adressene han slår opp til)",
      ),
    ]);
  }
}
