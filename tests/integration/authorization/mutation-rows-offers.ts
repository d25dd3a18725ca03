import { guessedLink, type MutationRow, type MutationRows, type Vars } from "./mutation-row.js";
import type { MutationTargets } from "./mutation-targets.js";

// Offers, sessions, sign-ups and offer imports. Rows run their controls in this order, so edits
// come before the one-shot actions on the same object.

/** A participant's own sign-up, opened by its private link: outsiders hold none, so they guess one. */
const byLink = (key: keyof MutationTargets["links"], call: (token: string) => Vars): MutationRow => ({
  ownThings:
    "The private link's token is the participant's only key; outsiders hold no link, so they guess one",
  by: () => null,
  args: (t) => call(t.links[key]),
  outsiderArgs: () => call(guessedLink),
  state: (t, db) => db.sessionSignUp.findUnique({ where: { id: t.linkIds[key] } }),
});

export const offerRows: MutationRows = {
  createOffer: {
    args: (t) => ({
      input: {
        providerId: t.organisationId,
        title: "Nytt kurs",
        summary: "Kurs",
        kind: "GROUP_COURSE",
        diagnosisScope: "DIAGNOSIS_INDEPENDENT",
        format: "PHYSICAL",
      },
    }),
    state: (t, db) => db.offer.count({ where: { providerId: t.organisationId } }),
  },
  updateOffer: {
    args: async (t, db) => ({
      input: {
        id: t.draftOfferId,
        version: (await db.offer.findUniqueOrThrow({ where: { id: t.draftOfferId } })).version,
        summary: "Endret av eieren",
        contactEmail: "kurs@molde.example",
        audiences: ["PATIENTS"],
      },
    }),
    state: (t, db) => db.offer.findUnique({ where: { id: t.draftOfferId } }),
  },
  addSession: {
    args: (t) => ({
      input: { offerId: t.draftOfferId, startsAt: "2027-09-01T10:00:00Z", endsAt: "2027-09-01T12:00:00Z" },
    }),
    state: (t, db) => db.offerSession.count({ where: { offerId: t.draftOfferId } }),
  },
  updateSession: {
    args: async (t, db) => ({
      input: {
        id: t.draftSessionId,
        version: (await db.offerSession.findUniqueOrThrow({ where: { id: t.draftSessionId } })).version,
        whatToBring: "Innesko",
      },
    }),
    state: (t, db) => db.offerSession.findUnique({ where: { id: t.draftSessionId } }),
  },
  cancelSession: {
    args: async (t, db) => ({
      id: t.draftSessionId,
      version: (await db.offerSession.findUniqueOrThrow({ where: { id: t.draftSessionId } })).version,
    }),
    state: (t, db) => db.offerSession.findUnique({ where: { id: t.draftSessionId } }),
  },
  markOfferReviewed: {
    args: async (t, db) => ({
      id: t.publishedOfferId,
      version: (await db.offer.findUniqueOrThrow({ where: { id: t.publishedOfferId } })).version,
    }),
    state: (t, db) => db.offer.findUnique({ where: { id: t.publishedOfferId } }),
  },
  changeOfferStatus: {
    args: async (t, db) => ({
      id: t.draftOfferId,
      status: "PUBLISHED",
      version: (await db.offer.findUniqueOrThrow({ where: { id: t.draftOfferId } })).version,
    }),
    state: (t, db) => db.offer.findUnique({ where: { id: t.draftOfferId } }),
  },
  signUpForSession: {
    ownThings:
      "Anyone may ask for a place on a published course, signed in or not; an outsider's own request must leave the owner's participant's request as it was",
    keepsState: "the control's request is its own; the owner's participant's stays as it was",
    by: () => null,
    args: (t) => ({
      input: {
        sessionId: t.signUpSessionId,
        role: "RELATIVE",
        name: "Kari Nordmann",
        email: "kari@example.org",
        consent: true,
      },
    }),
    state: (t, db) => db.sessionSignUp.findUnique({ where: { id: t.signUpId } }),
  },
  decideSignUpRequest: {
    args: (t) => ({ id: t.signUpId, accept: true }),
    state: (t, db) => db.sessionSignUp.findUnique({ where: { id: t.signUpId } }),
  },
  updateSignUp: byLink("update", (token) => ({ input: { token, otherNeeds: "Trenger rullestolplass" } })),
  cancelSignUp: byLink("cancel", (token) => ({ token })),
  deleteSignUp: byLink("delete", (token) => ({ token })),
  answerSeatOffer: byLink("seat", (token) => ({ token, accept: true })),
  editOfferImportRow: {
    args: async (t, db) => ({
      importId: t.offerImportId,
      line: (await db.offerImportRow.findFirstOrThrow({ where: { importId: t.offerImportId } })).line,
      // The preview lacks the required columns; the owner's fix makes it ready to confirm.
      cells: [
        { column: "kind", value: "GROUP_COURSE" },
        { column: "diagnosis_scope", value: "DIAGNOSIS_INDEPENDENT" },
        { column: "format", value: "PHYSICAL" },
      ],
    }),
    state: (t, db) =>
      db.offerImportRow.findMany({ where: { importId: t.offerImportId }, orderBy: { line: "asc" } }),
  },
  confirmOfferImport: {
    args: (t) => ({ importId: t.offerImportId }),
    state: (t, db) => db.offerImport.findUnique({ where: { id: t.offerImportId } }),
  },
};
