-- Old review flags become forum flags (issue 15, "Flags that end"). Offer.flaggedForReview is
-- the task-division marker: a municipality's diagnosis-specific offer, for the health
-- community's forum to look at. It was a bare boolean with no owner, no due date and no end. From
-- now on the marker holds while an open TASK_DIVISION_CONFLICT ForumFlag asks the question (the
-- offer commands raise one, resolving or dismissing the last one clears the marker:
-- packages/commands/src/forum-flags/task-division-flags.ts). This migration asks it once for
-- every offer marked before: one open flag in each health community the provider belongs to,
-- unless one is open there already.
--   owner     = the offer's provider (the organisation that answers for it);
--   due date  = 90 days after the migration runs: a quarter, so the forum meets at least once
--               before (the same default the commands use, taskDivisionFlagDueDays);
--   raised by = the system (NULL: no person raised it);
--   note      = the marker's reason as stored.
-- An offer whose provider belongs to no health community has no forum to ask and keeps its
-- marker; no flag can be raised for it. No events are written: the forum sees the flags in its
-- list, and the owners are reminded as each nears its due date.
INSERT INTO "ForumFlag" ("id", "healthCommunityId", "kind", "offerId", "note", "ownerId", "dueOn", "updatedAt")
SELECT gen_random_uuid(), m."healthCommunityId", 'TASK_DIVISION_CONFLICT', o."id",
       COALESCE(o."flagReason", ''), o."providerId", CURRENT_DATE + 90, CURRENT_TIMESTAMP
FROM "Offer" o
JOIN "HealthCommunityMember" m ON m."organisationId" = o."providerId"
WHERE o."flaggedForReview"
  AND NOT EXISTS (
    SELECT 1 FROM "ForumFlag" f
    WHERE f."offerId" = o."id" AND f."healthCommunityId" = m."healthCommunityId"
      AND f."kind" = 'TASK_DIVISION_CONFLICT' AND f."state" = 'OPEN');
