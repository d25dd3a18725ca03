-- CreateEnum
CREATE TYPE "SentSummaryStatus" AS ENUM ('PENDING', 'SENT');

-- AlterTable
ALTER TABLE "SentSummary" ADD COLUMN     "acceptedAt" TIMESTAMP(3),
ADD COLUMN     "status" "SentSummaryStatus" NOT NULL DEFAULT 'PENDING';

-- CreateTable
CREATE TABLE "CapturedMail" (
    "id" UUID NOT NULL,
    "messageId" TEXT,
    "from" TEXT NOT NULL,
    "to" TEXT[],
    "subject" TEXT NOT NULL,
    "text" TEXT NOT NULL,
    "html" TEXT,
    "headers" JSONB NOT NULL,
    "size" INTEGER NOT NULL,
    "receivedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "CapturedMail_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDeliveryAttempt" (
    "id" UUID NOT NULL,
    "deliveryId" UUID NOT NULL,
    "attempt" INTEGER NOT NULL,
    "attemptedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "durationMs" INTEGER NOT NULL,
    "responseStatus" INTEGER,
    "error" TEXT,

    CONSTRAINT "WebhookDeliveryAttempt_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "CapturedMail_receivedAt_id_idx" ON "CapturedMail"("receivedAt", "id");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDeliveryAttempt_deliveryId_attempt_key" ON "WebhookDeliveryAttempt"("deliveryId", "attempt");

-- AddForeignKey
ALTER TABLE "WebhookDeliveryAttempt" ADD CONSTRAINT "WebhookDeliveryAttempt_deliveryId_fkey" FOREIGN KEY ("deliveryId") REFERENCES "WebhookDelivery"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- Rows written before the claim protocol existed were recorded after a successful send.
UPDATE "SentSummary" SET "status" = 'SENT', "acceptedAt" = "sentAt";

-- Rules Prisma's schema language cannot state (invisible to the drift test).
ALTER TABLE "SentSummary" ADD CONSTRAINT "SentSummary_sent_has_time" CHECK ("status" = 'PENDING' OR "acceptedAt" IS NOT NULL);
ALTER TABLE "CapturedMail" ADD CONSTRAINT "CapturedMail_size_non_negative" CHECK ("size" >= 0);
ALTER TABLE "WebhookDeliveryAttempt" ADD CONSTRAINT "WebhookDeliveryAttempt_attempt_positive" CHECK ("attempt" >= 1);
ALTER TABLE "WebhookDeliveryAttempt" ADD CONSTRAINT "WebhookDeliveryAttempt_duration_non_negative" CHECK ("durationMs" >= 0);
ALTER TABLE "WebhookDeliveryAttempt" ADD CONSTRAINT "WebhookDeliveryAttempt_outcome" CHECK ("responseStatus" IS NOT NULL OR "error" IS NOT NULL);
