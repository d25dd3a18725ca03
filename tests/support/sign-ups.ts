import { addSession, createOffer, publishOffer, systemActor, unitOf } from "@samspill/commands";
import type { Database } from "@samspill/database";
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
