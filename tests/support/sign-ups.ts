import { addSession, createOffer, publishOffer, systemActor, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { toEventJob } from "@samspill/events";
import { orgId } from "./gateway.js";

// A published course with one session, made through the commands, for the sign-up tests.

export const signUpProvider = orgId("mun:1506");

export async function courseWithSession(
  db: Database,
  options: {
    title: string;
    capacity: number | null;
    requiresReferral?: boolean;
    minimumParticipants?: number;
    startsAt?: Date;
  },
): Promise<{ offerId: string; sessionId: string }> {
  const unit = unitOf(db);
  const actor = systemActor("Testoppsett");
  const offer = await createOffer(unit, actor, {
    providerId: signUpProvider,
    title: options.title,
    summary: "Kurs for påmeldingstester",
    kind: "GROUP_COURSE",
    diagnosisScope: "DIAGNOSIS_INDEPENDENT",
    format: "PHYSICAL",
    location: "Frisklivssentralen",
    contactEmail: "kurs@molde.example",
    audiences: ["PATIENTS", "CARERS"],
    municipalityNumbers: ["1506"],
    requiresReferral: options.requiresReferral ?? false,
    minimumParticipants: options.minimumParticipants ?? null,
  });
  await publishOffer(unit, actor, { id: offer.id, version: 1 });
  const startsAt = options.startsAt ?? new Date(Date.now() + 30 * 86_400_000);
  const session = await addSession(unit, actor, {
    offerId: offer.id,
    startsAt,
    endsAt: new Date(startsAt.getTime() + 2 * 3_600_000),
    capacity: options.capacity,
  });
  return { offerId: offer.id, sessionId: session.id };
}

/** A valid sign-up for `sessionId`; `n` makes the person distinct. */
export const person = (sessionId: string, n: number) => ({
  sessionId,
  role: n % 3 === 0 ? "RELATIVE" : "PATIENT",
  name: `Deltaker ${n}`,
  email: `deltaker${n}@example.no`,
  locale: (["nb", "nn", "en"] as const)[n % 3],
  consent: true,
});

/** The outbox's newest sequence number: events written after it are the test's own. */
export async function lastOutboxSequence(db: Database): Promise<bigint> {
  return (await db.outboxEvent.aggregate({ _max: { sequence: true } }))._max.sequence ?? 0n;
}

/**
 * Runs the event jobs (through `run`, on a real worker) for the outbox rows written after
 * `after`, then for the rows those jobs wrote, until none are new; returns the last sequence.
 */
export async function deliverOutbox(
  db: Database,
  run: (name: string, data: Record<string, unknown>) => Promise<unknown>,
  after: bigint,
): Promise<bigint> {
  let last = after;
  for (;;) {
    const rows = await db.outboxEvent.findMany({
      where: { sequence: { gt: last } },
      orderBy: { sequence: "asc" },
    });
    if (rows.length === 0) return last;
    for (const row of rows) {
      const job = toEventJob(row);
      await run(job.name, job.data as Record<string, unknown>);
      last = row.sequence;
    }
  }
}
