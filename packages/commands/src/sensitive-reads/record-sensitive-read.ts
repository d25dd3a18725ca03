import { ForbiddenError } from "@samspill/domain";
import type { Actor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";

// Operators (the regional health authority's admins) may read what belongs to other
// organisations: their audit trails, the mails sent to their members, the job queues. Such a
// read is itself written to the audit trail, so who looked at what can be checked afterwards.

export const sensitiveReadKinds = {
  /** Another organisation's audit entries. */
  auditTrail: "AuditTrail",
  /** Mails to another organisation's members (the admin mail page). */
  mail: "CapturedMail",
  /** The digest another organisation's member would get. */
  mailPreview: "DigestPreview",
  /** The queue dashboard (every organisation's jobs). */
  queueDashboard: "QueueDashboard",
} as const;
export type SensitiveReadKind = keyof typeof sensitiveReadKinds;

export interface SensitiveRead {
  kind: SensitiveReadKind;
  /** What was read: an entity, a mail id, a person, a dashboard path. */
  subject: string;
  /** The organisation whose data it was; null when it spans many (lists, the dashboard). */
  organisationId: string | null;
  details?: Record<string, unknown>;
}

/** Appends one audit entry `read.<kind>` for a read of others' data by a signed-in operator. */
export async function recordSensitiveRead(
  unit: Unit,
  actor: Actor | null,
  read: SensitiveRead,
): Promise<void> {
  if (!actor) throw new ForbiddenError("Sign in first");
  await transact(unit, actor, ({ record }) =>
    record({
      action: `read.${read.kind}`,
      entityType: sensitiveReadKinds[read.kind],
      entityId: read.subject,
      organisationId: read.organisationId,
      changes: read.details ?? {},
    }),
  );
}
