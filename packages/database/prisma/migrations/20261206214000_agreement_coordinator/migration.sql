-- The coordinating party of each agreement: its editors keep the shared fields and the party list.
ALTER TABLE "Agreement" ADD COLUMN     "coordinatorId" UUID;

-- Existing agreements: the hospital-trust party coordinates (a statutory agreement has exactly
-- one), else the first party by id.
UPDATE "Agreement" a SET "coordinatorId" = COALESCE(
  (SELECT p."organisationId" FROM "AgreementParty" p
    WHERE p."agreementId" = a."id" AND p."role" = 'HOSPITAL_TRUST' ORDER BY p."organisationId" LIMIT 1),
  (SELECT p."organisationId" FROM "AgreementParty" p
    WHERE p."agreementId" = a."id" ORDER BY p."organisationId" LIMIT 1));

ALTER TABLE "Agreement" ALTER COLUMN "coordinatorId" SET NOT NULL;

-- CreateIndex
CREATE INDEX "Agreement_coordinatorId_idx" ON "Agreement"("coordinatorId");

-- AddForeignKey
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_coordinatorId_fkey" FOREIGN KEY ("coordinatorId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
