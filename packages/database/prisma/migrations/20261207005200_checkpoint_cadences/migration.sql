-- Every cadence the two action plans name (half-yearly, quarterly, after each course), the plan's
-- own review as a checkpoint, and the "met" mark the advance-checkpoints job moves on from.
ALTER TYPE "Cadence" ADD VALUE 'HALF_YEARLY';
ALTER TYPE "Cadence" ADD VALUE 'QUARTERLY';
ALTER TYPE "Cadence" ADD VALUE 'AFTER_EACH_COURSE';

ALTER TABLE "ActionPlan" ADD COLUMN "reviewRaw" TEXT,
ADD COLUMN "reviewCadence" "Cadence",
ADD COLUMN "nextReviewOn" DATE,
ADD COLUMN "reviewMetOn" DATE;

ALTER TABLE "Measure" ADD COLUMN "checkpointMetOn" DATE;
