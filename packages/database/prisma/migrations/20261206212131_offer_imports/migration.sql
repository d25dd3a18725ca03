-- Spreadsheet and HSDS imports of offers, held for preview until confirmed.
-- CreateEnum
CREATE TYPE "OfferImportStatus" AS ENUM ('PREVIEW', 'QUEUED', 'RUNNING', 'DONE', 'FAILED');

-- CreateTable
CREATE TABLE "OfferImport" (
    "id" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "uploadedById" UUID NOT NULL,
    "fileName" TEXT NOT NULL,
    "format" TEXT NOT NULL,
    "status" "OfferImportStatus" NOT NULL DEFAULT 'PREVIEW',
    "rowCount" INTEGER NOT NULL,
    "errorCount" INTEGER NOT NULL,
    "processed" INTEGER NOT NULL DEFAULT 0,
    "report" JSONB,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferImport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferImportRow" (
    "importId" UUID NOT NULL,
    "line" INTEGER NOT NULL,
    "values" JSONB NOT NULL,
    "offerId" UUID NOT NULL,
    "action" TEXT NOT NULL,
    "errors" JSONB NOT NULL,
    "warnings" JSONB NOT NULL,
    "hasError" BOOLEAN NOT NULL,

    CONSTRAINT "OfferImportRow_pkey" PRIMARY KEY ("importId","line")
);

-- CreateIndex
CREATE INDEX "OfferImport_providerId_createdAt_idx" ON "OfferImport"("providerId", "createdAt");

-- CreateIndex
CREATE INDEX "OfferImportRow_importId_hasError_line_idx" ON "OfferImportRow"("importId", "hasError", "line");

-- AddForeignKey
ALTER TABLE "OfferImport" ADD CONSTRAINT "OfferImport_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferImport" ADD CONSTRAINT "OfferImport_uploadedById_fkey" FOREIGN KEY ("uploadedById") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferImportRow" ADD CONSTRAINT "OfferImportRow_importId_fkey" FOREIGN KEY ("importId") REFERENCES "OfferImport"("id") ON DELETE CASCADE ON UPDATE CASCADE;
