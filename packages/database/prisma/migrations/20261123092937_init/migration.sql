-- CreateEnum
CREATE TYPE "OrganisationKind" AS ENUM ('REGIONAL_HEALTH_AUTHORITY', 'HOSPITAL_TRUST', 'MUNICIPALITY', 'USER_ORGANISATION', 'UNIVERSITY', 'HEALTH_COMMUNITY');

-- CreateEnum
CREATE TYPE "UnitKind" AS ENUM ('LEARNING_AND_MASTERY_CENTRE', 'CLINIC', 'HEALTHY_LIVING_CENTRE', 'MUNICIPAL_LEARNING_AND_MASTERY', 'DEPARTMENT', 'USER_COUNCIL', 'OTHER');

-- CreateEnum
CREATE TYPE "Role" AS ENUM ('ADMIN', 'EDITOR', 'REPORTER', 'FORUM_MEMBER', 'VIEWER');

-- CreateEnum
CREATE TYPE "OfferKind" AS ENUM ('GROUP_COURSE', 'INDIVIDUAL_TRAINING', 'PEER_ACTIVITY', 'FAMILY_OFFER', 'DIGITAL_RESOURCE', 'LECTURE');

-- CreateEnum
CREATE TYPE "DiagnosisScope" AS ENUM ('DIAGNOSIS_SPECIFIC', 'DIAGNOSIS_INDEPENDENT');

-- CreateEnum
CREATE TYPE "DiagnosisGroup" AS ENUM ('DIABETES', 'HEART_DISEASE', 'COPD', 'ASTHMA', 'IBD', 'STROKE', 'CANCER', 'MENTAL_ILLNESS', 'SUBSTANCE_USE', 'RHEUMATIC_DISEASE', 'CHRONIC_PAIN', 'NEUROLOGICAL', 'OBESITY', 'KIDNEY_DISEASE', 'DEMENTIA', 'OTHER');

-- CreateEnum
CREATE TYPE "Topic" AS ENUM ('COPING_DEPRESSION', 'COPING_ANXIETY', 'HEALTHY_FOOD', 'PHYSICAL_ACTIVITY', 'QUIT_TOBACCO', 'SLEEP', 'STRESS', 'LIVING_WITH_CHRONIC_ILLNESS', 'CARER_SUPPORT', 'PARENTING', 'OTHER');

-- CreateEnum
CREATE TYPE "Audience" AS ENUM ('PATIENTS', 'CARERS', 'CHILDREN_AND_YOUTH', 'PARENTS');

-- CreateEnum
CREATE TYPE "PriorityGroup" AS ENUM ('CHILDREN_AND_YOUTH', 'SEVERE_MENTAL_ILLNESS_AND_SUBSTANCE_USE', 'FRAIL_ELDERLY', 'MULTIPLE_CHRONIC_CONDITIONS');

-- CreateEnum
CREATE TYPE "OfferFormat" AS ENUM ('PHYSICAL', 'DIGITAL', 'HYBRID');

-- CreateEnum
CREATE TYPE "AccessibilityFeature" AS ENUM ('HEARING_LOOP', 'CAPTIONS', 'SIGN_LANGUAGE', 'VISUAL_AIDS', 'DYSLEXIA_FRIENDLY', 'EASY_READ', 'STEP_FREE_ACCESS', 'INTERPRETER');

-- CreateEnum
CREATE TYPE "OfferStatus" AS ENUM ('DRAFT', 'PUBLISHED', 'PAUSED', 'ARCHIVED');

-- CreateEnum
CREATE TYPE "AgreementStatus" AS ENUM ('DRAFT', 'ACTIVE', 'EXPIRED', 'TERMINATED');

-- CreateEnum
CREATE TYPE "PartyRole" AS ENUM ('HOSPITAL_TRUST', 'MUNICIPALITY', 'USER_ORGANISATION', 'UNIVERSITY', 'OTHER');

-- CreateEnum
CREATE TYPE "MeetingKind" AS ENUM ('PROFESSIONAL_NETWORK', 'LOCAL_COOPERATION_COMMITTEE', 'ANNUAL_COOPERATION_MEETING', 'HEALTHY_LIVING_CENTRE_MEETING', 'USER_COUNCIL_NETWORK', 'CLINIC_COUNCIL', 'HEALTH_COMMUNITY_FORUM', 'OTHER');

-- CreateEnum
CREATE TYPE "FollowUpStatus" AS ENUM ('OPEN', 'DONE', 'CANCELLED');

-- CreateEnum
CREATE TYPE "Cadence" AS ENUM ('ONCE', 'ANNUAL', 'EVERY_N_YEARS', 'CONTINUOUS', 'OTHER');

-- CreateEnum
CREATE TYPE "MeasureStatus" AS ENUM ('NOT_STARTED', 'IN_PROGRESS', 'DONE', 'ONGOING', 'REMOVED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('PERSON', 'API_TOKEN', 'SYSTEM');

-- CreateEnum
CREATE TYPE "SubscriptionKind" AS ENUM ('WEEKLY_DIGEST', 'HALF_YEARLY_SUMMARY', 'ANNUAL_REPORT', 'REMINDERS');

-- CreateEnum
CREATE TYPE "DeliveryStatus" AS ENUM ('PENDING', 'DELIVERED', 'FAILED');

-- CreateTable
CREATE TABLE "Municipality" (
    "number" CHAR(4) NOT NULL,
    "name" TEXT NOT NULL,
    "county" TEXT NOT NULL,
    "hospitalTrustId" UUID,

    CONSTRAINT "Municipality_pkey" PRIMARY KEY ("number")
);

-- CreateTable
CREATE TABLE "Organisation" (
    "id" UUID NOT NULL,
    "kind" "OrganisationKind" NOT NULL,
    "name" TEXT NOT NULL,
    "shortName" TEXT,
    "orgNumber" CHAR(9),
    "municipalityNumber" CHAR(4),
    "parentId" UUID,
    "website" TEXT,
    "email" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "version" INTEGER NOT NULL DEFAULT 1,

    CONSTRAINT "Organisation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "HealthCommunityMember" (
    "healthCommunityId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "HealthCommunityMember_pkey" PRIMARY KEY ("healthCommunityId","organisationId")
);

-- CreateTable
CREATE TABLE "Unit" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "kind" "UnitKind" NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT,
    "phone" TEXT,
    "address" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Unit_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Person" (
    "id" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "email" TEXT NOT NULL,
    "phone" TEXT,
    "oidcSubject" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Person_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Membership" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "unitId" UUID,
    "role" "Role" NOT NULL,
    "title" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Membership_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Offer" (
    "id" UUID NOT NULL,
    "providerId" UUID NOT NULL,
    "unitId" UUID,
    "title" TEXT NOT NULL,
    "summary" TEXT NOT NULL,
    "description" TEXT NOT NULL DEFAULT '',
    "kind" "OfferKind" NOT NULL,
    "diagnosisScope" "DiagnosisScope" NOT NULL,
    "diagnosisCodes" TEXT[],
    "diagnosisGroups" "DiagnosisGroup"[],
    "topics" "Topic"[],
    "audiences" "Audience"[],
    "priorityGroups" "PriorityGroup"[],
    "format" "OfferFormat" NOT NULL,
    "location" TEXT,
    "onlineUrl" TEXT,
    "languages" TEXT[],
    "accessibility" "AccessibilityFeature"[],
    "userRepPlanning" BOOLEAN NOT NULL DEFAULT false,
    "userRepDelivery" BOOLEAN NOT NULL DEFAULT false,
    "userRepEvaluation" BOOLEAN NOT NULL DEFAULT false,
    "a0099Eligible" BOOLEAN NOT NULL DEFAULT false,
    "interdisciplinary" BOOLEAN NOT NULL DEFAULT false,
    "status" "OfferStatus" NOT NULL DEFAULT 'DRAFT',
    "publishedAt" TIMESTAMP(3),
    "reviewDueOn" DATE,
    "lastReviewedOn" DATE,
    "contactName" TEXT,
    "contactEmail" TEXT,
    "contactPhone" TEXT,
    "howToJoin" TEXT,
    "registrationUrl" TEXT,
    "flaggedForReview" BOOLEAN NOT NULL DEFAULT false,
    "flagReason" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,
    "searchVector" tsvector,

    CONSTRAINT "Offer_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OfferMunicipality" (
    "offerId" UUID NOT NULL,
    "municipalityNumber" CHAR(4) NOT NULL,

    CONSTRAINT "OfferMunicipality_pkey" PRIMARY KEY ("offerId","municipalityNumber")
);

-- CreateTable
CREATE TABLE "OfferSession" (
    "id" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "onlineUrl" TEXT,
    "capacity" INTEGER,
    "registrations" INTEGER NOT NULL DEFAULT 0,
    "cancelled" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "OfferSession_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Agreement" (
    "id" UUID NOT NULL,
    "title" TEXT NOT NULL,
    "subAgreement" TEXT,
    "description" TEXT NOT NULL DEFAULT '',
    "validFrom" DATE NOT NULL,
    "validTo" DATE,
    "status" "AgreementStatus" NOT NULL DEFAULT 'ACTIVE',
    "documentUrl" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Agreement_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementParty" (
    "agreementId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "role" "PartyRole" NOT NULL,

    CONSTRAINT "AgreementParty_pkey" PRIMARY KEY ("agreementId","organisationId")
);

-- CreateTable
CREATE TABLE "AgreementResponsibility" (
    "id" UUID NOT NULL,
    "agreementId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "description" TEXT NOT NULL,
    "diagnosisScope" "DiagnosisScope",
    "offerKinds" "OfferKind"[],
    "audiences" "Audience"[],
    "priorityGroups" "PriorityGroup"[],

    CONSTRAINT "AgreementResponsibility_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "AgreementOffer" (
    "agreementId" UUID NOT NULL,
    "offerId" UUID NOT NULL,

    CONSTRAINT "AgreementOffer_pkey" PRIMARY KEY ("agreementId","offerId")
);

-- CreateTable
CREATE TABLE "MeetingPoint" (
    "id" UUID NOT NULL,
    "kind" "MeetingKind" NOT NULL,
    "title" TEXT NOT NULL,
    "organiserId" UUID NOT NULL,
    "healthCommunityId" UUID,
    "agreementId" UUID,
    "startsAt" TIMESTAMP(3) NOT NULL,
    "endsAt" TIMESTAMP(3) NOT NULL,
    "location" TEXT,
    "onlineUrl" TEXT,
    "agenda" TEXT NOT NULL DEFAULT '',
    "minutes" TEXT NOT NULL DEFAULT '',
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "MeetingPoint_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingParticipant" (
    "meetingPointId" UUID NOT NULL,
    "organisationId" UUID NOT NULL,

    CONSTRAINT "MeetingParticipant_pkey" PRIMARY KEY ("meetingPointId","organisationId")
);

-- CreateTable
CREATE TABLE "ForumReview" (
    "id" UUID NOT NULL,
    "meetingPointId" UUID NOT NULL,
    "healthCommunityId" UUID NOT NULL,
    "findings" TEXT NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "ForumReview_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeetingDecision" (
    "id" UUID NOT NULL,
    "meetingPointId" UUID NOT NULL,
    "reviewId" UUID,
    "text" TEXT NOT NULL,
    "decidedAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeetingDecision_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "FollowUp" (
    "id" UUID NOT NULL,
    "meetingPointId" UUID NOT NULL,
    "decisionId" UUID,
    "text" TEXT NOT NULL,
    "responsibleOrgId" UUID,
    "dueOn" DATE,
    "status" "FollowUpStatus" NOT NULL DEFAULT 'OPEN',
    "completedAt" TIMESTAMP(3),
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "FollowUp_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ParticipationReport" (
    "id" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "offerId" UUID,
    "meetingPointId" UUID,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "patients" INTEGER NOT NULL DEFAULT 0,
    "carers" INTEGER NOT NULL DEFAULT 0,
    "childrenAndYouth" INTEGER NOT NULL DEFAULT 0,
    "parents" INTEGER NOT NULL DEFAULT 0,
    "others" INTEGER NOT NULL DEFAULT 0,
    "userRepsPlanning" INTEGER NOT NULL DEFAULT 0,
    "userRepsDelivery" INTEGER NOT NULL DEFAULT 0,
    "userRepsEvaluation" INTEGER NOT NULL DEFAULT 0,
    "notes" TEXT,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ParticipationReport_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "PamEvaluation" (
    "id" UUID NOT NULL,
    "offerId" UUID NOT NULL,
    "reporterId" UUID NOT NULL,
    "periodStart" DATE NOT NULL,
    "periodEnd" DATE NOT NULL,
    "respondentsBefore" INTEGER NOT NULL,
    "respondentsAfter" INTEGER NOT NULL,
    "meanScoreBefore" DECIMAL(5,2) NOT NULL,
    "meanScoreAfter" DECIMAL(5,2) NOT NULL,
    "levelsBefore" INTEGER[],
    "levelsAfter" INTEGER[],
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "PamEvaluation_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlan" (
    "id" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "title" TEXT NOT NULL,
    "ownerId" UUID NOT NULL,
    "periodStart" INTEGER NOT NULL,
    "periodEnd" INTEGER NOT NULL,
    "revisedOn" DATE,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "ActionPlan_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ActionPlanSection" (
    "planId" UUID NOT NULL,
    "number" TEXT NOT NULL,
    "title" TEXT NOT NULL,

    CONSTRAINT "ActionPlanSection_pkey" PRIMARY KEY ("planId","number")
);

-- CreateTable
CREATE TABLE "Measure" (
    "id" UUID NOT NULL,
    "planId" UUID NOT NULL,
    "key" TEXT NOT NULL,
    "section" TEXT NOT NULL,
    "ordinal" INTEGER NOT NULL,
    "text" TEXT NOT NULL,
    "responsibleRaw" TEXT NOT NULL,
    "responsibleParties" TEXT[],
    "startRaw" TEXT,
    "startYear" INTEGER,
    "checkpointRaw" TEXT,
    "checkpointYear" INTEGER,
    "cadence" "Cadence",
    "cadenceYears" INTEGER,
    "cadenceMonth" INTEGER,
    "status" "MeasureStatus" NOT NULL DEFAULT 'NOT_STARTED',
    "removed" BOOLEAN NOT NULL DEFAULT false,
    "note" TEXT,
    "nextCheckpointOn" DATE,
    "version" INTEGER NOT NULL DEFAULT 1,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Measure_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "MeasureProgressNote" (
    "id" UUID NOT NULL,
    "measureId" UUID NOT NULL,
    "text" TEXT NOT NULL,
    "statusAfter" "MeasureStatus",
    "authorId" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "MeasureProgressNote_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OutboxEvent" (
    "sequence" BIGSERIAL NOT NULL,
    "id" UUID NOT NULL,
    "type" TEXT NOT NULL,
    "aggregateType" TEXT NOT NULL,
    "aggregateId" TEXT NOT NULL,
    "organisationId" UUID,
    "payload" JSONB NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "sentAt" TIMESTAMP(3),
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "lastError" TEXT,

    CONSTRAINT "OutboxEvent_pkey" PRIMARY KEY ("sequence")
);

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" BIGSERIAL NOT NULL,
    "occurredAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "ActorKind" NOT NULL,
    "actorPersonId" UUID,
    "actorTokenId" UUID,
    "organisationId" UUID,
    "action" TEXT NOT NULL,
    "entityType" TEXT NOT NULL,
    "entityId" TEXT NOT NULL,
    "changes" JSONB NOT NULL,
    "requestId" TEXT,

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Subscription" (
    "id" UUID NOT NULL,
    "personId" UUID NOT NULL,
    "kind" "SubscriptionKind" NOT NULL,
    "municipalityNumbers" TEXT[],
    "priorityGroups" "PriorityGroup"[],
    "diagnosisGroups" "DiagnosisGroup"[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMP(3) NOT NULL,

    CONSTRAINT "Subscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SentSummary" (
    "id" UUID NOT NULL,
    "kind" "SubscriptionKind" NOT NULL,
    "recipient" TEXT NOT NULL,
    "periodKey" TEXT NOT NULL,
    "subject" TEXT NOT NULL,
    "messageId" TEXT,
    "sentAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SentSummary_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "ApiToken" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "name" TEXT NOT NULL,
    "tokenHash" TEXT NOT NULL,
    "prefix" TEXT NOT NULL,
    "role" "Role" NOT NULL,
    "createdById" UUID,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "lastUsedAt" TIMESTAMP(3),
    "expiresAt" TIMESTAMP(3),
    "revokedAt" TIMESTAMP(3),

    CONSTRAINT "ApiToken_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookSubscription" (
    "id" UUID NOT NULL,
    "organisationId" UUID NOT NULL,
    "url" TEXT NOT NULL,
    "secret" TEXT NOT NULL,
    "eventTypes" TEXT[],
    "active" BOOLEAN NOT NULL DEFAULT true,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "WebhookSubscription_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "WebhookDelivery" (
    "id" UUID NOT NULL,
    "subscriptionId" UUID NOT NULL,
    "eventId" UUID NOT NULL,
    "status" "DeliveryStatus" NOT NULL DEFAULT 'PENDING',
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "responseStatus" INTEGER,
    "lastError" TEXT,
    "createdAt" TIMESTAMP(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "deliveredAt" TIMESTAMP(3),

    CONSTRAINT "WebhookDelivery_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "Municipality_hospitalTrustId_idx" ON "Municipality"("hospitalTrustId");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_name_key" ON "Organisation"("name");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_orgNumber_key" ON "Organisation"("orgNumber");

-- CreateIndex
CREATE UNIQUE INDEX "Organisation_municipalityNumber_key" ON "Organisation"("municipalityNumber");

-- CreateIndex
CREATE INDEX "Organisation_kind_idx" ON "Organisation"("kind");

-- CreateIndex
CREATE INDEX "Organisation_parentId_idx" ON "Organisation"("parentId");

-- CreateIndex
CREATE INDEX "HealthCommunityMember_organisationId_idx" ON "HealthCommunityMember"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Unit_organisationId_name_key" ON "Unit"("organisationId", "name");

-- CreateIndex
CREATE UNIQUE INDEX "Person_email_key" ON "Person"("email");

-- CreateIndex
CREATE UNIQUE INDEX "Person_oidcSubject_key" ON "Person"("oidcSubject");

-- CreateIndex
CREATE INDEX "Membership_organisationId_idx" ON "Membership"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "Membership_personId_organisationId_role_key" ON "Membership"("personId", "organisationId", "role");

-- CreateIndex
CREATE INDEX "Offer_providerId_idx" ON "Offer"("providerId");

-- CreateIndex
CREATE INDEX "Offer_status_idx" ON "Offer"("status");

-- CreateIndex
CREATE INDEX "Offer_searchVector_idx" ON "Offer" USING GIN ("searchVector");

-- CreateIndex
CREATE INDEX "Offer_priorityGroups_idx" ON "Offer" USING GIN ("priorityGroups");

-- CreateIndex
CREATE INDEX "Offer_diagnosisGroups_idx" ON "Offer" USING GIN ("diagnosisGroups");

-- CreateIndex
CREATE INDEX "Offer_languages_idx" ON "Offer" USING GIN ("languages");

-- CreateIndex
CREATE INDEX "OfferMunicipality_municipalityNumber_idx" ON "OfferMunicipality"("municipalityNumber");

-- CreateIndex
CREATE INDEX "OfferSession_offerId_startsAt_idx" ON "OfferSession"("offerId", "startsAt");

-- CreateIndex
CREATE INDEX "OfferSession_startsAt_idx" ON "OfferSession"("startsAt");

-- CreateIndex
CREATE INDEX "Agreement_validTo_idx" ON "Agreement"("validTo");

-- CreateIndex
CREATE INDEX "AgreementParty_organisationId_idx" ON "AgreementParty"("organisationId");

-- CreateIndex
CREATE INDEX "AgreementResponsibility_agreementId_idx" ON "AgreementResponsibility"("agreementId");

-- CreateIndex
CREATE INDEX "AgreementOffer_offerId_idx" ON "AgreementOffer"("offerId");

-- CreateIndex
CREATE INDEX "MeetingPoint_organiserId_idx" ON "MeetingPoint"("organiserId");

-- CreateIndex
CREATE INDEX "MeetingPoint_healthCommunityId_idx" ON "MeetingPoint"("healthCommunityId");

-- CreateIndex
CREATE INDEX "MeetingPoint_startsAt_idx" ON "MeetingPoint"("startsAt");

-- CreateIndex
CREATE INDEX "MeetingParticipant_organisationId_idx" ON "MeetingParticipant"("organisationId");

-- CreateIndex
CREATE INDEX "ForumReview_meetingPointId_idx" ON "ForumReview"("meetingPointId");

-- CreateIndex
CREATE INDEX "ForumReview_healthCommunityId_idx" ON "ForumReview"("healthCommunityId");

-- CreateIndex
CREATE INDEX "MeetingDecision_meetingPointId_idx" ON "MeetingDecision"("meetingPointId");

-- CreateIndex
CREATE INDEX "FollowUp_meetingPointId_idx" ON "FollowUp"("meetingPointId");

-- CreateIndex
CREATE INDEX "FollowUp_status_dueOn_idx" ON "FollowUp"("status", "dueOn");

-- CreateIndex
CREATE INDEX "ParticipationReport_offerId_periodStart_idx" ON "ParticipationReport"("offerId", "periodStart");

-- CreateIndex
CREATE INDEX "ParticipationReport_meetingPointId_periodStart_idx" ON "ParticipationReport"("meetingPointId", "periodStart");

-- CreateIndex
CREATE INDEX "ParticipationReport_reporterId_idx" ON "ParticipationReport"("reporterId");

-- CreateIndex
CREATE UNIQUE INDEX "PamEvaluation_offerId_periodStart_periodEnd_key" ON "PamEvaluation"("offerId", "periodStart", "periodEnd");

-- CreateIndex
CREATE UNIQUE INDEX "ActionPlan_key_key" ON "ActionPlan"("key");

-- CreateIndex
CREATE INDEX "Measure_planId_section_idx" ON "Measure"("planId", "section");

-- CreateIndex
CREATE INDEX "Measure_nextCheckpointOn_idx" ON "Measure"("nextCheckpointOn");

-- CreateIndex
CREATE UNIQUE INDEX "Measure_planId_key_key" ON "Measure"("planId", "key");

-- CreateIndex
CREATE INDEX "MeasureProgressNote_measureId_createdAt_idx" ON "MeasureProgressNote"("measureId", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "OutboxEvent_id_key" ON "OutboxEvent"("id");

-- CreateIndex
CREATE INDEX "OutboxEvent_sentAt_sequence_idx" ON "OutboxEvent"("sentAt", "sequence");

-- CreateIndex
CREATE INDEX "OutboxEvent_aggregateType_aggregateId_idx" ON "OutboxEvent"("aggregateType", "aggregateId");

-- CreateIndex
CREATE INDEX "AuditEntry_entityType_entityId_id_idx" ON "AuditEntry"("entityType", "entityId", "id");

-- CreateIndex
CREATE INDEX "AuditEntry_organisationId_id_idx" ON "AuditEntry"("organisationId", "id");

-- CreateIndex
CREATE UNIQUE INDEX "Subscription_personId_kind_key" ON "Subscription"("personId", "kind");

-- CreateIndex
CREATE UNIQUE INDEX "SentSummary_kind_recipient_periodKey_key" ON "SentSummary"("kind", "recipient", "periodKey");

-- CreateIndex
CREATE UNIQUE INDEX "ApiToken_tokenHash_key" ON "ApiToken"("tokenHash");

-- CreateIndex
CREATE INDEX "ApiToken_organisationId_idx" ON "ApiToken"("organisationId");

-- CreateIndex
CREATE UNIQUE INDEX "WebhookDelivery_subscriptionId_eventId_key" ON "WebhookDelivery"("subscriptionId", "eventId");

-- AddForeignKey
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_hospitalTrustId_fkey" FOREIGN KEY ("hospitalTrustId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipalityNumber_fkey" FOREIGN KEY ("municipalityNumber") REFERENCES "Municipality"("number") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_parentId_fkey" FOREIGN KEY ("parentId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCommunityMember" ADD CONSTRAINT "HealthCommunityMember_healthCommunityId_fkey" FOREIGN KEY ("healthCommunityId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "HealthCommunityMember" ADD CONSTRAINT "HealthCommunityMember_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Unit" ADD CONSTRAINT "Unit_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Membership" ADD CONSTRAINT "Membership_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_providerId_fkey" FOREIGN KEY ("providerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_unitId_fkey" FOREIGN KEY ("unitId") REFERENCES "Unit"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferMunicipality" ADD CONSTRAINT "OfferMunicipality_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferMunicipality" ADD CONSTRAINT "OfferMunicipality_municipalityNumber_fkey" FOREIGN KEY ("municipalityNumber") REFERENCES "Municipality"("number") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementParty" ADD CONSTRAINT "AgreementParty_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementResponsibility" ADD CONSTRAINT "AgreementResponsibility_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementResponsibility" ADD CONSTRAINT "AgreementResponsibility_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementOffer" ADD CONSTRAINT "AgreementOffer_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AgreementOffer" ADD CONSTRAINT "AgreementOffer_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPoint" ADD CONSTRAINT "MeetingPoint_organiserId_fkey" FOREIGN KEY ("organiserId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPoint" ADD CONSTRAINT "MeetingPoint_healthCommunityId_fkey" FOREIGN KEY ("healthCommunityId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingPoint" ADD CONSTRAINT "MeetingPoint_agreementId_fkey" FOREIGN KEY ("agreementId") REFERENCES "Agreement"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_meetingPointId_fkey" FOREIGN KEY ("meetingPointId") REFERENCES "MeetingPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingParticipant" ADD CONSTRAINT "MeetingParticipant_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumReview" ADD CONSTRAINT "ForumReview_meetingPointId_fkey" FOREIGN KEY ("meetingPointId") REFERENCES "MeetingPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumReview" ADD CONSTRAINT "ForumReview_healthCommunityId_fkey" FOREIGN KEY ("healthCommunityId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ForumReview" ADD CONSTRAINT "ForumReview_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_meetingPointId_fkey" FOREIGN KEY ("meetingPointId") REFERENCES "MeetingPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeetingDecision" ADD CONSTRAINT "MeetingDecision_reviewId_fkey" FOREIGN KEY ("reviewId") REFERENCES "ForumReview"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_meetingPointId_fkey" FOREIGN KEY ("meetingPointId") REFERENCES "MeetingPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_decisionId_fkey" FOREIGN KEY ("decisionId") REFERENCES "MeetingDecision"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_responsibleOrgId_fkey" FOREIGN KEY ("responsibleOrgId") REFERENCES "Organisation"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipationReport" ADD CONSTRAINT "ParticipationReport_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipationReport" ADD CONSTRAINT "ParticipationReport_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ParticipationReport" ADD CONSTRAINT "ParticipationReport_meetingPointId_fkey" FOREIGN KEY ("meetingPointId") REFERENCES "MeetingPoint"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PamEvaluation" ADD CONSTRAINT "PamEvaluation_offerId_fkey" FOREIGN KEY ("offerId") REFERENCES "Offer"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "PamEvaluation" ADD CONSTRAINT "PamEvaluation_reporterId_fkey" FOREIGN KEY ("reporterId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlan" ADD CONSTRAINT "ActionPlan_ownerId_fkey" FOREIGN KEY ("ownerId") REFERENCES "Organisation"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ActionPlanSection" ADD CONSTRAINT "ActionPlanSection_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_planId_fkey" FOREIGN KEY ("planId") REFERENCES "ActionPlan"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureProgressNote" ADD CONSTRAINT "MeasureProgressNote_measureId_fkey" FOREIGN KEY ("measureId") REFERENCES "Measure"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "MeasureProgressNote" ADD CONSTRAINT "MeasureProgressNote_authorId_fkey" FOREIGN KEY ("authorId") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Subscription" ADD CONSTRAINT "Subscription_personId_fkey" FOREIGN KEY ("personId") REFERENCES "Person"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_createdById_fkey" FOREIGN KEY ("createdById") REFERENCES "Person"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookSubscription" ADD CONSTRAINT "WebhookSubscription_organisationId_fkey" FOREIGN KEY ("organisationId") REFERENCES "Organisation"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_subscriptionId_fkey" FOREIGN KEY ("subscriptionId") REFERENCES "WebhookSubscription"("id") ON DELETE CASCADE ON UPDATE CASCADE;
