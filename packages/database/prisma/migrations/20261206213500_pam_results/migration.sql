-- PAM results per participant and course run, under the provider's pseudonym (issue 14, item 7).

-- CreateTable
CREATE TABLE "PamResult" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "pseudonym" VARCHAR(20) NOT NULL,
    "levelStart" SMALLINT,
    "scoreStart" DECIMAL(4,1),
    "levelEnd" SMALLINT,
    "scoreEnd" DECIMAL(4,1),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "PamResult_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "PamResult_providerId_idx" ON "PamResult"("providerId");

-- CreateIndex
CREATE UNIQUE INDEX "PamResult_sessionId_pseudonym_key" ON "PamResult"("sessionId", "pseudonym");

-- AddForeignKey
ALTER TABLE "PamResult" ADD CONSTRAINT "PamResult_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "OfferSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PamResult" ADD CONSTRAINT "PamResult_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- The instrument's ranges, and a row holds at least one result (the domain checks the rest).
ALTER TABLE "PamResult" ADD CONSTRAINT "PamResult_levels" CHECK (
  ("levelStart" IS NULL OR "levelStart" BETWEEN 1 AND 4) AND ("levelEnd" IS NULL OR "levelEnd" BETWEEN 1 AND 4)
);
ALTER TABLE "PamResult" ADD CONSTRAINT "PamResult_scores" CHECK (
  ("scoreStart" IS NULL OR ("levelStart" IS NOT NULL AND "scoreStart" BETWEEN 0 AND 100))
  AND ("scoreEnd" IS NULL OR ("levelEnd" IS NOT NULL AND "scoreEnd" BETWEEN 0 AND 100))
);
ALTER TABLE "PamResult" ADD CONSTRAINT "PamResult_some_result" CHECK ("levelStart" IS NOT NULL OR "levelEnd" IS NOT NULL);
