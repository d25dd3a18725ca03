import { z } from "zod";
import { email, languageCode, nonEmptyText, norwegianPhone, optionalText, uuid } from "./common.js";
import { accessibilityFeatures } from "./enums.js";
import { bilingualIssue } from "./validation.js";

// Course sign-up without an account (issue 14). A person leaves a name, a way to reach them,
// whether they come as patient or relative, their needs and their consent to what is kept and
// for how long; a private link (a random token, only its hash stored) lets them see, change or
// cancel it. Seats are counted in the database under a row lock; the rules here are pure.

export const signUpStatuses = [
  "REQUESTED",
  "CONFIRMED",
  "WAITING",
  "OFFERED",
  "DECLINED",
  "CANCELLED",
  "EXPIRED",
] as const;
export type SignUpStatus = (typeof signUpStatuses)[number];

export const signUpRoles = ["PATIENT", "RELATIVE"] as const;
export type SignUpRole = (typeof signUpRoles)[number];

/** The languages mails to participants are written in. */
export const signUpLocales = ["nb", "nn", "en"] as const;
export type SignUpLocale = (typeof signUpLocales)[number];

/** Statuses that hold a seat (seatsTaken counts exactly these). */
export const seatHoldingStatuses: readonly SignUpStatus[] = ["CONFIRMED", "OFFERED"];
/** Statuses a person may still cancel from. */
export const activeSignUpStatuses: readonly SignUpStatus[] = ["REQUESTED", "CONFIRMED", "WAITING", "OFFERED"];

/** Months personal fields are kept after the session unless SIGN_UP_RETENTION_MONTHS says otherwise. */
export const defaultSignUpRetentionMonths = 6;

/** A private link token: 32 random bytes, base64url (43 characters). */
export const signUpToken = z.string().regex(/^[A-Za-z0-9_-]{43}$/, { message: "Not a valid sign-up link" });

const needsFields = {
  needsInterpreter: z.boolean().default(false),
  interpreterLanguage: languageCode.nullish(),
  accessibilityNeeds: z.array(z.enum(accessibilityFeatures)).max(accessibilityFeatures.length).default([]),
  otherNeeds: optionalText(500),
};

const contactFields = {
  name: nonEmptyText(200),
  email: email.nullish(),
  phone: norwegianPhone.nullish(),
  locale: z.enum(signUpLocales).default("nb"),
};

type Reachable = { email?: string | null; phone?: string | null };
type Interpreted = { needsInterpreter?: boolean; interpreterLanguage?: string | null };

function reachable(value: Reachable, ctx: z.RefinementCtx) {
  if (!value.email && !value.phone)
    ctx.addIssue(
      bilingualIssue(
        ["email"],
        "contact_required",
        "Give an e-mail address or a phone number",
        "Oppgi e-postadresse eller telefonnummer",
        "Oppgi e-postadresse eller telefonnummer",
      ),
    );
}

function interpreterNamed(value: Interpreted, ctx: z.RefinementCtx) {
  if (value.needsInterpreter && !value.interpreterLanguage)
    ctx.addIssue(
      bilingualIssue(
        ["interpreterLanguage"],
        "language_required",
        "Say which language the interpreter should speak",
        "Oppgi hvilket språk tolken skal snakke",
        "Oppgi kva språk tolken skal snakke",
      ),
    );
}

export const signUpInput = z
  .object({
    sessionId: uuid,
    role: z.enum(signUpRoles),
    ...contactFields,
    ...needsFields,
    /** The person agreed to what is stored and for how long; nothing is kept without it. */
    consent: z.literal(true, { message: "Consent is needed to sign up" }),
  })
  .strict()
  .superRefine((v, ctx) => {
    reachable(v, ctx);
    interpreterNamed(v, ctx);
  });
export type SignUpInput = z.output<typeof signUpInput>;

/** A change through the private link: the person's own fields, never status or seat. */
export const updateSignUpInput = z
  .object({
    token: signUpToken,
    role: z.enum(signUpRoles).optional(),
    name: contactFields.name.optional(),
    email: contactFields.email,
    phone: contactFields.phone,
    locale: z.enum(signUpLocales).optional(),
    needsInterpreter: z.boolean().optional(),
    interpreterLanguage: needsFields.interpreterLanguage,
    accessibilityNeeds: z.array(z.enum(accessibilityFeatures)).max(accessibilityFeatures.length).optional(),
    otherNeeds: needsFields.otherNeeds,
  })
  .strict()
  .superRefine(interpreterNamed);
export type UpdateSignUpInput = z.output<typeof updateSignUpInput>;

export const signUpTokenInput = z.object({ token: signUpToken }).strict();
export const answerSeatOfferInput = z.object({ token: signUpToken, accept: z.boolean() }).strict();
export const decideSignUpRequestInput = z.object({ id: uuid, accept: z.boolean() }).strict();
export const sessionSignUpsInput = z.object({ sessionId: uuid }).strict();

/** Free seats: unlimited (null) when the session sets no capacity. */
export function freeSeats(session: { capacity: number | null; seatsTaken: number }): number | null {
  return session.capacity == null ? null : Math.max(0, session.capacity - session.seatsTaken);
}

/**
 * Where a new sign-up lands: referral offers take requests, an open seat confirms, a full
 * session (or one with people already in line, so nobody jumps the queue) puts them in line.
 */
export function placeForNewSignUp(session: {
  requiresReferral: boolean;
  capacity: number | null;
  seatsTaken: number;
  waiting: number;
}): "REQUESTED" | "CONFIRMED" | "WAITING" {
  if (session.requiresReferral) return "REQUESTED";
  const free = freeSeats(session);
  if (free === null || (free > 0 && session.waiting === 0)) return "CONFIRMED";
  return "WAITING";
}

/** Whether sign-ups are open at `now`: not cancelled, before the deadline (or the start). */
export function signUpOpen(
  session: { cancelled: boolean; startsAt: Date; signUpDeadline: Date | null },
  now: Date,
) {
  return !session.cancelled && now < (session.signUpDeadline ?? session.startsAt);
}

/** The minimum that applies to a session: its own, else its offer's, else none. */
export function effectiveMinimum(
  session: { minimumParticipants: number | null },
  offer: { minimumParticipants: number | null },
) {
  return session.minimumParticipants ?? offer.minimumParticipants ?? null;
}

/** The moment personal fields of a sign-up may be kept until. */
export function retainUntil(sessionEndsAt: Date, months: number): Date {
  const at = new Date(sessionEndsAt);
  at.setUTCMonth(at.getUTCMonth() + months);
  return at;
}

/** SIGN_UP_RETENTION_MONTHS, read by the gateway (told at consent) and the worker (the job). */
export const signUpRetentionSetting = z.coerce
  .number()
  .int()
  .min(1)
  .max(120)
  .default(defaultSignUpRetentionMonths);
