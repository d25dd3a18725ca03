import { z } from "zod";
import { httpUrl, plainText, uuid, version } from "./common.js";
import { type FieldIssue, fieldIssue } from "./errors.js";

// Sessions of an offer: when and where it takes place, how many places and how many have
// signed up. The rules that span fields (end after start, no more sign-ups than places) need
// the stored session for a partial edit, so they are a separate check rather than a refinement.

const sessionFields = z.object({
  startsAt: z.coerce.date(),
  endsAt: z.coerce.date(),
  location: plainText(500).nullish(),
  onlineUrl: httpUrl.nullish(),
  capacity: z.number().int().min(0).max(100_000).nullish(),
  registrations: z.number().int().min(0).max(100_000).optional(),
  note: plainText(2000).nullish(),
  /** What participants should bring; told in the confirmation and reminder mails. */
  whatToBring: plainText(1000).nullish(),
  /** Sign-ups through the hub close then (default: at the start). */
  signUpDeadline: z.coerce.date().nullish(),
  /** The fewest participants for the session to go ahead; overrides the offer's. */
  minimumParticipants: z.number().int().min(0).max(100_000).nullish(),
});

export const addSessionInput = sessionFields.extend({ offerId: uuid }).strict();
export type AddSessionInput = z.output<typeof addSessionInput>;

export const updateSessionInput = sessionFields.partial().extend({ id: uuid, version }).strict();
export type UpdateSessionInput = z.output<typeof updateSessionInput>;

export const cancelSessionInput = z.object({ id: uuid, version }).strict();
export type CancelSessionInput = z.output<typeof cancelSessionInput>;

/** A session ends after it starts and never has more registrations than places. */
export function sessionIssues(session: {
  startsAt?: Date;
  endsAt?: Date;
  capacity?: number | null;
  registrations?: number;
  signUpDeadline?: Date | null;
  seatsTaken?: number;
}): FieldIssue[] {
  const issues: FieldIssue[] = [];
  const { startsAt, endsAt, capacity, registrations, signUpDeadline, seatsTaken } = session;
  if (startsAt && endsAt && endsAt <= startsAt)
    issues.push(
      fieldIssue(
        "endsAt",
        "ends_before_start",
        "A session must end after it starts",
        "En samling må slutte etter at den starter",
        "Ei samling må slutte etter at ho byrjar",
      ),
    );
  if (capacity != null && registrations != null && registrations > capacity)
    issues.push(
      fieldIssue(
        "registrations",
        "over_capacity",
        "More registrations than places",
        "Flere påmeldte enn plasser",
        "Fleire påmelde enn plassar",
      ),
    );
  if (startsAt && signUpDeadline && signUpDeadline > startsAt)
    issues.push(
      fieldIssue(
        "signUpDeadline",
        "deadline_after_start",
        "Sign-ups must close before the session starts",
        "Påmeldingsfristen må være før samlingen starter",
        "Påmeldingsfristen må vere før samlinga byrjar",
      ),
    );
  // Seats already held by confirmed or offered people cannot be taken away by shrinking.
  if (capacity != null && seatsTaken != null && capacity < seatsTaken)
    issues.push(
      fieldIssue(
        "capacity",
        "below_seats_taken",
        `${seatsTaken} seats are already taken; cancel sign-ups before lowering the capacity`,
        `${seatsTaken} plasser er allerede tatt; avmeld deltakere før du senker antallet plasser`,
        `${seatsTaken} plassar er alt tekne; meld av deltakarar før du set ned talet på plassar`,
      ),
    );
  return issues;
}
