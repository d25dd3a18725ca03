import type { Database } from "@samspill/database";

/**
 * A course run held at `startsAt` whose attendance list ticks `roles` as present (one confirmed
 * sign-up each): what confirming that attendance would file as a participation report.
 */
export async function heldRun(
  db: Database,
  offerId: string,
  startsAt: Date,
  roles: readonly ("PATIENT" | "RELATIVE")[],
): Promise<string> {
  const run = await db.offerSession.create({
    data: { offerId, startsAt, endsAt: new Date(startsAt.getTime() + 7_200_000) },
  });
  await db.sessionSignUp.createMany({
    data: roles.map((role, i) => ({
      sessionId: run.id,
      status: "CONFIRMED" as const,
      sequence: i + 1,
      role,
      name: "Test",
      email: `p${i}@example.org`,
      consentedAt: startsAt,
      retentionMonths: 6,
      attended: true,
    })),
  });
  return run.id;
}

/** `patients` patients and `relatives` relatives, as an attendance list's roles. */
export const attendees = (patients: number, relatives = 0) => [
  ...new Array<"PATIENT">(patients).fill("PATIENT"),
  ...new Array<"RELATIVE">(relatives).fill("RELATIVE"),
];
