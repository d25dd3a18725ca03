-- The participation report a course run's attendance list gives (issue 14, item 6).


-- CreateTable
CREATE TABLE "AttendanceReport" (
    "sessionId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "userOrganisationId" UUID,
    "patients" INTEGER NOT NULL,
    "relatives" INTEGER NOT NULL,
    "userRepsPlanning" INTEGER NOT NULL DEFAULT 0,
    "userRepsDelivery" INTEGER NOT NULL DEFAULT 0,
    "userRepsEvaluation" INTEGER NOT NULL DEFAULT 0,
    "providerConfirmedAt" TIMESTAMP(3) NOT NULL,
    "userOrgConfirmedAt" TIMESTAMP(3),
    "participationReportId" UUID,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "AttendanceReport_pkey" PRIMARY KEY ("sessionId")
);

-- CreateIndex
CREATE UNIQUE INDEX "AttendanceReport_participationReportId_key" ON "AttendanceReport"("participationReportId");

-- CreateIndex
CREATE INDEX "AttendanceReport_userOrganisationId_userOrgConfirmedAt_idx" ON "AttendanceReport"("userOrganisationId", "userOrgConfirmedAt");

-- AddForeignKey
ALTER TABLE "AttendanceReport" ADD CONSTRAINT "AttendanceReport_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "OfferSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceReport" ADD CONSTRAINT "AttendanceReport_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceReport" ADD CONSTRAINT "AttendanceReport_userOrganisationId_fkey" FOREIGN KEY ("userOrganisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AttendanceReport" ADD CONSTRAINT "AttendanceReport_participationReportId_fkey" FOREIGN KEY ("participationReportId") REFERENCES "ParticipationReport"("id") ON DELETE SET NULL ON UPDATE CASCADE;


-- Counts are people: whole numbers from 0.
ALTER TABLE "AttendanceReport" ADD CONSTRAINT "AttendanceReport_counts" CHECK (
  "patients" >= 0 AND "relatives" >= 0 AND "userRepsPlanning" >= 0 AND "userRepsDelivery" >= 0 AND "userRepsEvaluation" >= 0
);
