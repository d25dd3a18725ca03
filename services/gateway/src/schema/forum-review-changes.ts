import { type Database, Prisma } from "@samspill/database";
import {
  type OverviewSnapshot,
  overviewSnapshot,
  type SnapshotChange,
  snapshotChanges,
} from "@samspill/domain";
import { builder } from "../builder.js";
import { pagedList, slicePage } from "../list-page.js";

// What changed in the overview between a forum review and the one before it: both froze the
// overview's figures when they were recorded (commands/forum-reviews/overview-snapshot.ts).

/** A community's member municipalities times the dimension values: a few thousand cells at most. */
const changesPage = pagedList("changes", { default: 200, max: 2000 });

interface ReviewChanges {
  previousReviewId: string;
  previousReviewedAt: Date;
  openFlagsBefore: number;
  openFlagsAfter: number;
  all: SnapshotChange[];
}

const SnapshotChangeRef = builder.objectRef<SnapshotChange>("OverviewSnapshotChange").implement({
  description: "A cell of the overview whose count of published offers changed between two reviews.",
  fields: (t) => ({
    municipalityNumber: t.exposeString("municipalityNumber"),
    municipalityName: t.exposeString("municipalityName"),
    dimension: t.exposeString("dimension", {
      description: "TOTAL, PRIORITY_GROUP, DIAGNOSIS_GROUP, FORMAT or LANGUAGE.",
    }),
    value: t.exposeString("value"),
    before: t.exposeInt("before"),
    after: t.exposeInt("after"),
  }),
});

export const ReviewChangesRef = builder.objectRef<ReviewChanges>("ForumReviewChanges").implement({
  fields: (t) => ({
    previousReviewId: t.exposeID("previousReviewId"),
    previousReviewedAt: t.expose("previousReviewedAt", { type: "DateTime" }),
    openFlagsBefore: t.exposeInt("openFlagsBefore"),
    openFlagsAfter: t.exposeInt("openFlagsAfter"),
    changeCount: t.int({ resolve: (c) => c.all.length }),
    changes: t.field({
      type: [SnapshotChangeRef],
      args: changesPage.args,
      complexity: changesPage.complexity,
      resolve: (c, args) => slicePage(c.all, changesPage.page(args)),
    }),
  }),
});

const parsed = (json: unknown): OverviewSnapshot | null => {
  const result = overviewSnapshot.safeParse(json);
  return result.success ? result.data : null;
};

/** The changes since the community's previous review that froze a snapshot; null when none did. */
export async function reviewChanges(
  db: Database,
  review: { id: string; healthCommunityId: string; createdAt: Date; snapshot: unknown },
): Promise<ReviewChanges | null> {
  const now = parsed(review.snapshot);
  if (!now) return null;
  const previous = await db.forumReview.findFirst({
    where: {
      healthCommunityId: review.healthCommunityId,
      snapshot: { not: Prisma.DbNull },
      OR: [{ createdAt: { lt: review.createdAt } }, { createdAt: review.createdAt, id: { lt: review.id } }],
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: { id: true, createdAt: true, snapshot: true },
  });
  const before = previous && parsed(previous.snapshot);
  if (!previous || !before) return null;
  return {
    previousReviewId: previous.id,
    previousReviewedAt: previous.createdAt,
    openFlagsBefore: before.openFlags,
    openFlagsAfter: now.openFlags,
    all: snapshotChanges(before, now),
  };
}
