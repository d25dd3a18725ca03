-- Forum flags that end (issue 15, item 2): a flag with an owner, a due date and a state, resolved
-- by a meeting decision; and each forum review's frozen snapshot of the overview. The offer's own
-- task-division marker (Offer.flaggedForReview) stays as it is.

-- CreateEnum
CREATE TYPE "ForumFlagKind" AS ENUM ('GAP', 'TASK_DIVISION_CONFLICT', 'STALE_OFFER');

-- CreateEnum
CREATE TYPE "ForumFlagState" AS ENUM ('OPEN', 'RESOLVED', 'DISMISSED');

-- AlterTable
ALTER TABLE "ForumReview" ADD COLUMN     "snapshot" JSONB;

-- CreateTable
CREATE TABLE "ForumFlag" (
    "id" UUID NOT NULL,
    "healthCommunityId" UUID NOT NULL,
    "kind" "ForumFlagKind" NOT NULL,
    "offerId" UUID,
    "agreementId" UUID,
    "gapMunicipalityNumber" CHAR(4),
    "gapHospitalTrustId" UUID,
    "gapPriorityGroup" "PriorityGroup",
    "gapDiagnosisGroup" "DiagnosisGroup",
    "gapFormat" "OfferFormat",
    "gapLanguage" TEXT,
    "gapAudience" TEXT,
    "note" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "dueOn" DATE NOT NULL,
    "state" "ForumFlagState" NOT NULL DEFAULT 'OPEN',
    "raisedById" UUID,
    "resolvedByDecisionId" UUID,
    "dismissReason" TEXT,
    "closedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ForumFlag_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "ForumFlag_healthCommunityId_state_idx" ON "ForumFlag"("healthCommunityId", "state");

-- CreateIndex
CREATE INDEX "ForumFlag_state_dueOn_idx" ON "ForumFlag"("state", "dueOn");

-- CreateIndex
CREATE INDEX "ForumFlag_ownerId_idx" ON "ForumFlag"("ownerId");

-- CreateIndex
CREATE INDEX "ForumFlag_offerId_idx" ON "ForumFlag"("offerId");

-- CreateIndex
CREATE INDEX "ForumFlag_agreementId_idx" ON "ForumFlag"("agreementId");

-- CreateIndex
CREATE INDEX "ForumFlag_gapMunicipalityNumber_idx" ON "ForumFlag"("gapMunicipalityNumber");

-- CreateIndex
CREATE INDEX "ForumFlag_gapHospitalTrustId_idx" ON "ForumFlag"("gapHospitalTrustId");

-- CreateIndex
CREATE INDEX "ForumFlag_resolvedByDecisionId_idx" ON "ForumFlag"("resolvedByDecisionId");

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_healthCommunityId_fkey" FOREIGN KEY ("healthCommunityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_gapMunicipalityNumber_fkey" FOREIGN KEY ("gapMunicipalityNumber") REFERENCES "Municipality"("number") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_gapHospitalTrustId_fkey" FOREIGN KEY ("gapHospitalTrustId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_raisedById_fkey" FOREIGN KEY ("raisedById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumFlag" ADD CONSTRAINT "ForumFlag_resolvedByDecisionId_fkey" FOREIGN KEY ("resolvedByDecisionId") REFERENCES "MeetingDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;
