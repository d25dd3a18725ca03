import { z } from "zod";
import { isoDate, languageCode, municipalityNumber, nonEmptyText, uuid, version } from "./common.js";
import { audienceClasses } from "./crossed-overview.js";
import { diagnosisGroups, offerFormats, priorityGroups } from "./enums.js";
import { bilingualIssue } from "./validation.js";

// A health-community forum flags what needs an answer: a gap in the overview, a task-division
// conflict or a stale offer. The flag names the organisation that answers for it and a due date;
// it ends when a meeting decision resolves it, or when the forum dismisses it.

export const forumFlagKinds = ["GAP", "TASK_DIVISION_CONFLICT", "STALE_OFFER"] as const;
export type ForumFlagKind = (typeof forumFlagKinds)[number];

export const forumFlagStates = ["OPEN", "RESOLVED", "DISMISSED"] as const;
export type ForumFlagState = (typeof forumFlagStates)[number];

/** A cell of the crossed overview: a municipality or a hospital trust, and any other dimensions. */
export const gapCell = z
  .object({
    municipalityNumber: municipalityNumber.nullish(),
    hospitalTrustId: uuid.nullish(),
    priorityGroup: z.enum(priorityGroups).nullish(),
    diagnosisGroup: z.enum(diagnosisGroups).nullish(),
    format: z.enum(offerFormats).nullish(),
    language: languageCode.nullish(),
    audience: z.enum(audienceClasses).nullish(),
  })
  .strict()
  .superRefine((cell, ctx) => {
    if (!cell.municipalityNumber === !cell.hospitalTrustId)
      ctx.addIssue(
        bilingualIssue(
          ["municipalityNumber"],
          "one_place",
          "A gap names one municipality or one hospital trust",
          "En mangel gjelder én kommune eller ett helseforetak",
          "Ein mangel gjeld éin kommune eller eitt helseføretak",
        ),
      );
  });
export type GapCell = z.output<typeof gapCell>;

export const raiseForumFlagInput = z
  .object({
    healthCommunityId: uuid,
    kind: z.enum(forumFlagKinds),
    offerId: uuid.nullish(),
    agreementId: uuid.nullish(),
    gap: gapCell.nullish(),
    ownerId: uuid,
    dueOn: isoDate,
    note: nonEmptyText(4000),
  })
  .strict()
  .superRefine((flag, ctx) => {
    const subjects = [flag.offerId, flag.agreementId, flag.gap].filter((s) => s != null).length;
    if (subjects !== 1)
      ctx.addIssue(
        bilingualIssue(
          ["kind"],
          "one_subject",
          "A flag is about exactly one offer, gap or agreement",
          "Et flagg gjelder nøyaktig ett tilbud, én mangel eller én avtale",
          "Eit flagg gjeld nøyaktig eitt tilbod, éin mangel eller éin avtale",
        ),
      );
    else if (flag.kind === "GAP" && !flag.gap)
      ctx.addIssue(
        bilingualIssue(
          ["gap"],
          "gap_needs_cell",
          "A gap flag names a gap",
          "Et mangelflagg må peke på en mangel",
          "Eit mangelflagg må peike på ein mangel",
        ),
      );
    else if (flag.kind === "STALE_OFFER" && !flag.offerId)
      ctx.addIssue(
        bilingualIssue(
          ["offerId"],
          "stale_needs_offer",
          "A stale-offer flag names an offer",
          "Et flagg om utdatert tilbud må peke på et tilbud",
          "Eit flagg om utdatert tilbod må peike på eit tilbod",
        ),
      );
  });
export type RaiseForumFlagInput = z.output<typeof raiseForumFlagInput>;

/** One decision of a meeting resolves one or more of the community's open flags. */
export const resolveForumFlagsInput = z
  .object({
    meetingPointId: uuid,
    flagIds: z.array(uuid).min(1).max(50),
    decision: nonEmptyText(4000),
    decidedAt: z.coerce.date().nullish(),
  })
  .strict();
export type ResolveForumFlagsInput = z.output<typeof resolveForumFlagsInput>;

export const dismissForumFlagInput = z.object({ id: uuid, version, reason: nonEmptyText(4000) }).strict();
export type DismissForumFlagInput = z.output<typeof dismissForumFlagInput>;

/** Days before the due date the owner is reminded (and on the day it falls due). */
export const forumFlagReminderDays = 14;
