-- Course sign-up (issue 14): seats, waiting list, referral requests, minimum participants.

-- CreateEnum
CREATE TYPE "SignUpStatus" AS ENUM ('REQUESTED', 'CONFIRMED', 'WAITING', 'OFFERED', 'DECLINED', 'CANCELLED', 'EXPIRED');

-- CreateEnum
CREATE TYPE "SignUpRole" AS ENUM ('PATIENT', 'RELATIVE');

-- AlterTable
ALTER TABLE "Offer" ADD COLUMN     "minimumParticipants" INTEGER,
ADD COLUMN     "requiresReferral" BOOLEAN NOT NULL DEFAULT false;

-- AlterTable
ALTER TABLE "OfferSession" ADD COLUMN     "minimumCheckedAt" TIMESTAMP(3),
ADD COLUMN     "minimumParticipants" INTEGER,
ADD COLUMN     "seatsTaken" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN     "signUpDeadline" TIMESTAMP(3),
ADD COLUMN     "signUpSequence" INTEGER NOT NULL DEFAULT 0;

-- CreateTable
CREATE TABLE "SessionSignUp" (
    "id" UUID NOT NULL,
    "sessionId" UUID NOT NULL,
    "status" "SignUpStatus" NOT NULL,
    "sequence" INTEGER NOT NULL,
    "role" "SignUpRole" NOT NULL,
    "name" TEXT,
    "email" TEXT,
    "phone" TEXT,
    "needsInterpreter" BOOLEAN NOT NULL DEFAULT false,
    "interpreterLanguage" TEXT,
    "accessibilityNeeds" "AccessibilityFeature"[],
    "otherNeeds" TEXT,
    "locale" TEXT NOT NULL DEFAULT 'nb',
    "consentedAt" TIMESTAMP(3) NOT NULL,
    "retentionMonths" INTEGER NOT NULL,
    "offeredUntil" TIMESTAMP(3),
    "attended" BOOLEAN,
    "decidedAt" TIMESTAMP(3),
    "cancelledAt" TIMESTAMP(3),
    "anonymisedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "SessionSignUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignUpLink" (
    "tokenHash" TEXT NOT NULL,
    "signUpId" UUID NOT NULL,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignUpLink_pkey" PRIMARY KEY ("tokenHash")
);

-- CreateTable
CREATE TABLE "SignUpMail" (
    "signUpId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SignUpMail_pkey" PRIMARY KEY ("signUpId","key")
);

-- CreateIndex
CREATE INDEX "SessionSignUp_sessionId_status_sequence_idx" ON "SessionSignUp"("sessionId", "status", "sequence");

-- CreateIndex
CREATE INDEX "SessionSignUp_status_offeredUntil_idx" ON "SessionSignUp"("status", "offeredUntil");

-- CreateIndex
CREATE INDEX "SessionSignUp_anonymisedAt_idx" ON "SessionSignUp"("anonymisedAt");

-- CreateIndex
CREATE UNIQUE INDEX "SessionSignUp_sessionId_sequence_key" ON "SessionSignUp"("sessionId", "sequence");

-- CreateIndex
CREATE INDEX "SignUpLink_signUpId_idx" ON "SignUpLink"("signUpId");

-- AddForeignKey
ALTER TABLE "SessionSignUp" ADD CONSTRAINT "SessionSignUp_sessionId_fkey" FOREIGN KEY ("sessionId") REFERENCES "OfferSession"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUpLink" ADD CONSTRAINT "SignUpLink_signUpId_fkey" FOREIGN KEY ("signUpId") REFERENCES "SessionSignUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SignUpMail" ADD CONSTRAINT "SignUpMail_signUpId_fkey" FOREIGN KEY ("signUpId") REFERENCES "SessionSignUp"("id") ON DELETE CASCADE ON UPDATE CASCADE;


-- No overbooking, whatever the code path: seats held (confirmed + offered) stay within capacity.
-- Commands change seatsTaken only while holding the session row (SELECT ... FOR UPDATE).
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_seats_within_capacity" CHECK (
  "seatsTaken" >= 0 AND ("capacity" IS NULL OR "seatsTaken" <= "capacity")
);
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_sign_up_sequence_non_negative" CHECK ("signUpSequence" >= 0);
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_minimum_non_negative" CHECK (
  "minimumParticipants" IS NULL OR "minimumParticipants" >= 0
);
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_minimum_non_negative" CHECK (
  "minimumParticipants" IS NULL OR "minimumParticipants" >= 0
);

ALTER TABLE "SessionSignUp" ADD CONSTRAINT "SessionSignUp_locale_known" CHECK ("locale" IN ('nb', 'nn', 'en'));
ALTER TABLE "SessionSignUp" ADD CONSTRAINT "SessionSignUp_sequence_positive" CHECK ("sequence" > 0);
ALTER TABLE "SessionSignUp" ADD CONSTRAINT "SessionSignUp_retention_bounded" CHECK ("retentionMonths" BETWEEN 1 AND 120);
-- Someone can be reached until the personal fields are anonymised.
ALTER TABLE "SessionSignUp" ADD CONSTRAINT "SessionSignUp_reachable" CHECK (
  "anonymisedAt" IS NOT NULL OR "email" IS NOT NULL OR "phone" IS NOT NULL
);
-- An offered seat always has a deadline to accept.
ALTER TABLE "SessionSignUp" ADD CONSTRAINT "SessionSignUp_offer_has_deadline" CHECK (
  "status" <> 'OFFERED' OR "offeredUntil" IS NOT NULL
);
