import { systemActor } from "../actor.js";
import { transact, type Unit } from "../unit-of-work.js";
import { anonymiseRows } from "./anonymise.js";
import { personMailHeader } from "./person-mail.js";

// Personal data kept short: a set time after the session (the months the person consented to,
// never longer than SIGN_UP_RETENTION_MONTHS now says) their name, contact and needs are
// cleared. The counts built from sign-ups (status, role, attendance) stay.

const retention = systemActor("Sletting av påmeldingsdata");

export const signUpRetentionBatch = 500;

/** Anonymises every sign-up past its retention; running it again changes nothing more. */
export async function anonymiseExpiredSignUps(unit: Unit, now: Date, maxMonths: number): Promise<number> {
  let total = 0;
  for (;;) {
    const done = await transact(unit, retention, async ({ tx, record }) => {
      const rows = await tx.$queryRaw<{ id: string }[]>`
        SELECT u."id" FROM "SessionSignUp" u JOIN "OfferSession" s ON s."id" = u."sessionId"
        WHERE u."anonymisedAt" IS NULL
          AND s."endsAt" + make_interval(months => LEAST(u."retentionMonths", ${maxMonths}::int)) < ${now}
        ORDER BY u."id"
        LIMIT ${signUpRetentionBatch}
        FOR UPDATE OF u SKIP LOCKED`;
      const count = await anonymiseRows(
        tx,
        rows.map((r) => r.id),
        now,
      );
      // One audit entry per batch with the count alone: which sign-ups is not worth a trail.
      if (count > 0)
        await record({
          action: "signup.retention",
          entityType: "SessionSignUp",
          entityId: "retention",
          organisationId: null,
          changes: { anonymised: count, maxMonths },
        });
      return count;
    });
    total += done;
    if (done < signUpRetentionBatch) return total;
  }
}

/**
 * Deletes the mails to course participants that the demo mail sink captured (they hold a name
 * and a private link) once they are older than the retention period. Real deployments capture
 * nothing, so this finds nothing there.
 */
export async function deleteCapturedPersonMails(unit: Unit, now: Date, months: number): Promise<number> {
  const before = new Date(now);
  before.setUTCMonth(before.getUTCMonth() - months);
  return transact(unit, retention, async ({ tx, record }) => {
    const { count } = await tx.capturedMail.deleteMany({
      where: {
        receivedAt: { lt: before },
        headers: { array_contains: [{ key: personMailHeader.toLowerCase() }] },
      },
    });
    if (count > 0)
      await record({
        action: "signup.retention_mail",
        entityType: "CapturedMail",
        entityId: "retention",
        organisationId: null,
        changes: { deleted: count, months },
      });
    return count;
  });
}
