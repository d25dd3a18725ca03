import { z } from "zod";
import { isoDate, uuid, version } from "./common.js";
import { fieldIssue } from "./errors.js";
import { defaultReviewDue } from "./offer.js";

// Each course is reviewed with its department every five years (LMS plan 2.1.3 a). Marking the
// review done records its day and moves the next one five years on, which moves the reminder.

export const markOfferReviewedInput = z
  .object({
    id: uuid,
    version,
    /** The day of the review, YYYY-MM-DD; today when not given. Not in the future. */
    reviewedOn: isoDate.nullish(),
  })
  .strict();
export type MarkOfferReviewedInput = z.output<typeof markOfferReviewedInput>;

/** The review's day (today unless given) and the next review due, or an issue for a future day. */
export function reviewDates(reviewedOn: string | null | undefined, today: Date) {
  const day = reviewedOn ? new Date(`${reviewedOn}T00:00:00Z`) : today;
  if (day.getTime() > today.getTime())
    return {
      issue: fieldIssue(
        "reviewedOn",
        "review_in_future",
        "A review cannot be marked done before it is held",
        "En gjennomgang kan ikke merkes som gjort før den er holdt",
        "Ein gjennomgang kan ikkje merkast som gjord før han er halden",
      ),
    } as const;
  return { issue: null, lastReviewedOn: day, reviewDueOn: defaultReviewDue(day) } as const;
}
