import {
  answerSeatOffer,
  cancelSignUpByToken,
  deleteSignUpByToken,
  signUpForSession,
  signUpIdForToken,
  updateSignUpByToken,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import {
  accessibilityFeatures,
  defaultSignUpRetentionMonths,
  NotFoundError,
  retainUntil,
  signUpLocales,
  signUpRoles,
  signUpStatuses,
  signUpToken,
} from "@samspill/domain";
import { builder } from "../builder.js";
import { unitOf } from "../commands.js";
import { mutationErrors } from "./errors.js";

// Course sign-up without an account (packages/commands/src/sign-ups). Anyone may sign up for a
// published session; the private link's token is the only key to a sign-up afterwards, so these
// fields are public and answer NotFound to a token that opens nothing.

export const SignUpStatusEnum = builder.enumType("SignUpStatus", { values: signUpStatuses });
export const SignUpRoleEnum = builder.enumType("SignUpRole", { values: signUpRoles });
export const SignUpLocaleEnum = builder.enumType("SignUpLocale", { values: signUpLocales });
const NeedEnum = builder.enumType("AccessibilityNeed", { values: accessibilityFeatures });

interface MySignUp {
  id: string;
  status: (typeof signUpStatuses)[number];
  role: (typeof signUpRoles)[number];
  name: string;
  email: string | null;
  phone: string | null;
  needsInterpreter: boolean;
  interpreterLanguage: string | null;
  accessibilityNeeds: (typeof accessibilityFeatures)[number][];
  otherNeeds: string | null;
  locale: (typeof signUpLocales)[number];
  position: number | null;
  offeredUntil: Date | null;
  consentedAt: Date;
  keptUntil: Date;
  offerId: string;
  offerTitle: string;
  startsAt: Date;
  endsAt: Date;
  location: string | null;
  sessionCancelled: boolean;
}

const MySignUpRef = builder.objectRef<MySignUp>("MySignUp").implement({
  description: "A sign-up as its private link shows it to the person who made it.",
  fields: (t) => ({
    id: t.exposeID("id"),
    status: t.field({ type: SignUpStatusEnum, resolve: (s) => s.status }),
    role: t.field({ type: SignUpRoleEnum, resolve: (s) => s.role }),
    name: t.exposeString("name"),
    email: t.exposeString("email", { nullable: true }),
    phone: t.exposeString("phone", { nullable: true }),
    needsInterpreter: t.exposeBoolean("needsInterpreter"),
    interpreterLanguage: t.exposeString("interpreterLanguage", { nullable: true }),
    accessibilityNeeds: t.field({ type: [NeedEnum], resolve: (s) => s.accessibilityNeeds }),
    otherNeeds: t.exposeString("otherNeeds", { nullable: true }),
    locale: t.field({ type: SignUpLocaleEnum, resolve: (s) => s.locale }),
    position: t.exposeInt("position", { nullable: true, description: "Place on the waiting list, from 1." }),
    offeredUntil: t.expose("offeredUntil", { type: "DateTime", nullable: true }),
    consentedAt: t.expose("consentedAt", { type: "DateTime" }),
    keptUntil: t.expose("keptUntil", {
      type: "DateTime",
      description: "When the personal details are deleted.",
    }),
    offerId: t.exposeID("offerId"),
    offerTitle: t.exposeString("offerTitle"),
    startsAt: t.expose("startsAt", { type: "DateTime" }),
    endsAt: t.expose("endsAt", { type: "DateTime" }),
    location: t.exposeString("location", { nullable: true }),
    sessionCancelled: t.exposeBoolean("sessionCancelled"),
  }),
});

const SignUpReceiptRef = builder
  .objectRef<{ id: string; status: (typeof signUpStatuses)[number]; token: string }>("SignUpReceipt")
  .implement({
    description: "A new sign-up and its private link's token (shown once; keep the link).",
    fields: (t) => ({
      id: t.exposeID("id"),
      status: t.field({ type: SignUpStatusEnum, resolve: (r) => r.status }),
      token: t.exposeString("token"),
    }),
  });

/** The sign-up a token opens, as its holder sees it; NotFound when it opens nothing. */
async function mySignUp(db: Database, token: string): Promise<MySignUp> {
  const id = await signUpIdForToken(db, token);
  const row = await db.sessionSignUp.findUnique({
    where: { id },
    include: { session: { include: { offer: { select: { id: true, title: true, location: true } } } } },
  });
  if (!row?.name) throw new NotFoundError("SessionSignUp", "link");
  const position =
    row.status === "WAITING"
      ? await db.sessionSignUp.count({
          where: { sessionId: row.sessionId, status: "WAITING", sequence: { lte: row.sequence } },
        })
      : null;
  const { session } = row;
  return {
    ...row,
    name: row.name,
    locale: row.locale as MySignUp["locale"],
    position,
    keptUntil: retainUntil(session.endsAt, row.retentionMonths),
    offerId: session.offer.id,
    offerTitle: session.offer.title,
    startsAt: session.startsAt,
    endsAt: session.endsAt,
    location: session.location ?? session.offer.location,
    sessionCancelled: session.cancelled,
  };
}

const SignUpInputRef = builder.inputType("SignUpInput", {
  fields: (t) => ({
    sessionId: t.id({ required: true }),
    role: t.field({ type: SignUpRoleEnum, required: true }),
    name: t.string({ required: true }),
    email: t.string(),
    phone: t.string({ description: "Norwegian number; e-mail, phone or both." }),
    locale: t.field({ type: SignUpLocaleEnum, description: "Language of the mails; bokmål by default." }),
    needsInterpreter: t.boolean(),
    interpreterLanguage: t.string({ description: "ISO 639 code of the interpreter's language." }),
    accessibilityNeeds: t.field({ type: [NeedEnum] }),
    otherNeeds: t.string(),
    consent: t.boolean({
      required: true,
      description:
        "Must be true: the person agrees to what is stored and for how long (signUpRetentionMonths).",
    }),
  }),
});

const UpdateSignUpInputRef = builder.inputType("UpdateSignUpInput", {
  fields: (t) => ({
    token: t.string({ required: true }),
    role: t.field({ type: SignUpRoleEnum }),
    name: t.string(),
    email: t.string(),
    phone: t.string(),
    locale: t.field({ type: SignUpLocaleEnum }),
    needsInterpreter: t.boolean(),
    interpreterLanguage: t.string(),
    accessibilityNeeds: t.field({ type: [NeedEnum] }),
    otherNeeds: t.string(),
  }),
});

builder.queryFields((t) => ({
  signUpByToken: t.field({
    type: MySignUpRef,
    nullable: true,
    description:
      "A sign-up opened by its private link (the token in the link); null when the link opens nothing.",
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true }) },
    // The primary: a change made through the link a moment ago must show at once.
    resolve: async (_root, args, ctx) => {
      if (!signUpToken.safeParse(args.token).success) return null;
      try {
        return await mySignUp(ctx.primary ?? ctx.db, args.token);
      } catch (error) {
        if (error instanceof NotFoundError) return null;
        throw error;
      }
    },
  }),
  signUpRetentionMonths: t.int({
    description: "Months after a course that sign-up details are kept before they are deleted.",
    authScopes: { public: true },
    resolve: (_root, _args, ctx) => ctx.signUpRetentionMonths ?? defaultSignUpRetentionMonths,
  }),
}));

builder.mutationFields((t) => ({
  signUpForSession: t.field({
    type: SignUpReceiptRef,
    description:
      "Signs a patient or relative up for a session, without an account: a seat, a place on the waiting list, or (referral courses) a request.",
    errors: { types: mutationErrors },
    authScopes: { public: true },
    args: { input: t.arg({ type: SignUpInputRef, required: true }) },
    resolve: (_root, args, ctx) =>
      signUpForSession(unitOf(ctx), ctx.viewer, args.input, {
        retentionMonths: ctx.signUpRetentionMonths ?? defaultSignUpRetentionMonths,
      }),
  }),
  updateSignUp: t.field({
    type: MySignUpRef,
    description: "Changes your own details through the private link.",
    errors: { types: mutationErrors },
    authScopes: { public: true },
    args: { input: t.arg({ type: UpdateSignUpInputRef, required: true }) },
    resolve: async (_root, args, ctx) => {
      await updateSignUpByToken(unitOf(ctx), ctx.viewer, args.input);
      return mySignUp(unitOf(ctx).db, args.input.token);
    },
  }),
  cancelSignUp: t.field({
    type: MySignUpRef,
    description: "Cancels through the private link; a seat you held goes to the next in line.",
    errors: { types: mutationErrors },
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await cancelSignUpByToken(unitOf(ctx), ctx.viewer, args);
      return mySignUp(unitOf(ctx).db, args.token);
    },
  }),
  answerSeatOffer: t.field({
    type: MySignUpRef,
    description: "Accepts or declines a seat offered from the waiting list, before its deadline.",
    errors: { types: mutationErrors },
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true }), accept: t.arg.boolean({ required: true }) },
    resolve: async (_root, args, ctx) => {
      await answerSeatOffer(unitOf(ctx), ctx.viewer, args);
      return mySignUp(unitOf(ctx).db, args.token);
    },
  }),
  deleteSignUp: t.field({
    type: "ID",
    description: "Cancels (if still active) and deletes your personal details now; the link stops working.",
    errors: { types: mutationErrors },
    authScopes: { public: true },
    args: { token: t.arg.string({ required: true }) },
    resolve: async (_root, args, ctx) => (await deleteSignUpByToken(unitOf(ctx), ctx.viewer, args)).id,
  }),
}));
