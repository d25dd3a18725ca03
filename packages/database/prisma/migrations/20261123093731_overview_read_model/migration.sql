-- CreateEnum
CREATE TYPE "OverviewDimension" AS ENUM ('TOTAL', 'PRIORITY_GROUP', 'DIAGNOSIS_GROUP', 'FORMAT', 'LANGUAGE');

-- CreateTable
CREATE TABLE "OverviewOffer" (
    "offerId" UUID NOT NULL,
    "version" INTEGER NOT NULL,
    "eventSequence" BIGINT,
    "providerId" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "status" "OfferStatus" NOT NULL,
    "municipalityNumbers" TEXT[],
    "flaggedForReview" BOOLEAN NOT NULL,
    "reviewDueOn" DATE,
    "snapshot" JSONB NOT NULL,
    "projectedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "OverviewOffer_pkey" PRIMARY KEY ("offerId")
);

-- CreateTable
CREATE TABLE "OverviewCount" (
    "municipalityNumber" CHAR(4) NOT NULL,
    "dimension" "OverviewDimension" NOT NULL,
    "value" TEXT NOT NULL,
    "providerId" UUID NOT NULL,
    "offers" INTEGER NOT NULL,

    CONSTRAINT "OverviewCount_pkey" PRIMARY KEY ("municipalityNumber","dimension","value","providerId")
);

-- CreateIndex
CREATE INDEX "OverviewOffer_status_idx" ON "OverviewOffer"("status");

-- CreateIndex
CREATE INDEX "OverviewOffer_municipalityNumbers_idx" ON "OverviewOffer" USING GIN ("municipalityNumbers");

-- CreateIndex
CREATE INDEX "OverviewCount_dimension_value_idx" ON "OverviewCount"("dimension", "value");

-- Checks Prisma cannot express. A negative count means the projection disagrees with itself:
-- the event fails loudly (and stays re-drivable) instead of storing a wrong overview.
ALTER TABLE "OverviewCount" ADD CONSTRAINT "OverviewCount_offers_non_negative" CHECK ("offers" >= 0);
ALTER TABLE "OverviewOffer" ADD CONSTRAINT "OverviewOffer_version_positive" CHECK ("version" >= 1);
