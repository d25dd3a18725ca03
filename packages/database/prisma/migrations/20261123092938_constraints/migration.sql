-- Rules Prisma's schema language cannot state. They are invisible to `migrate diff`, so the
-- drift test stays meaningful for everything else; keep them here, next to the tables.

-- Reference data
ALTER TABLE "Municipality" ADD CONSTRAINT "Municipality_number_format" CHECK ("number" ~ '^[0-9]{4}$');
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_orgNumber_format" CHECK ("orgNumber" IS NULL OR "orgNumber" ~ '^[0-9]{9}$');
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_municipality_kind" CHECK ("municipalityNumber" IS NULL OR "kind" = 'MUNICIPALITY');
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Organisation" ADD CONSTRAINT "Organisation_name_not_blank" CHECK (btrim("name") <> '');

-- Offers
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_version_positive" CHECK ("version" >= 1);
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_title_not_blank" CHECK (btrim("title") <> '');
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_a0099_interdisciplinary" CHECK (NOT "a0099Eligible" OR "interdisciplinary");
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_published_has_date" CHECK ("status" = 'DRAFT' OR "publishedAt" IS NOT NULL);
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_languages_not_empty" CHECK (cardinality("languages") >= 1);
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_period" CHECK ("endsAt" > "startsAt");
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_capacity_non_negative" CHECK ("capacity" IS NULL OR "capacity" >= 0);
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_registrations_non_negative" CHECK ("registrations" >= 0);
ALTER TABLE "OfferSession" ADD CONSTRAINT "OfferSession_version_positive" CHECK ("version" >= 1);

-- Agreements and meeting points
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_validity" CHECK ("validTo" IS NULL OR "validTo" >= "validFrom");
ALTER TABLE "Agreement" ADD CONSTRAINT "Agreement_version_positive" CHECK ("version" >= 1);
ALTER TABLE "MeetingPoint" ADD CONSTRAINT "MeetingPoint_period" CHECK ("endsAt" >= "startsAt");
ALTER TABLE "MeetingPoint" ADD CONSTRAINT "MeetingPoint_version_positive" CHECK ("version" >= 1);
ALTER TABLE "FollowUp" ADD CONSTRAINT "FollowUp_version_positive" CHECK ("version" >= 1);

-- Participation and evaluation: aggregates only, never negative, one subject per report
ALTER TABLE "ParticipationReport" ADD CONSTRAINT "ParticipationReport_counts_non_negative" CHECK (
  "patients" >= 0 AND "carers" >= 0 AND "childrenAndYouth" >= 0 AND "parents" >= 0 AND "others" >= 0
  AND "userRepsPlanning" >= 0 AND "userRepsDelivery" >= 0 AND "userRepsEvaluation" >= 0);
ALTER TABLE "ParticipationReport" ADD CONSTRAINT "ParticipationReport_period" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "ParticipationReport" ADD CONSTRAINT "ParticipationReport_one_subject" CHECK (num_nonnulls("offerId", "meetingPointId") = 1);
ALTER TABLE "ParticipationReport" ADD CONSTRAINT "ParticipationReport_version_positive" CHECK ("version" >= 1);
ALTER TABLE "PamEvaluation" ADD CONSTRAINT "PamEvaluation_period" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "PamEvaluation" ADD CONSTRAINT "PamEvaluation_respondents_non_negative" CHECK ("respondentsBefore" >= 0 AND "respondentsAfter" >= 0);
ALTER TABLE "PamEvaluation" ADD CONSTRAINT "PamEvaluation_score_range" CHECK (
  "meanScoreBefore" BETWEEN 0 AND 100 AND "meanScoreAfter" BETWEEN 0 AND 100);
ALTER TABLE "PamEvaluation" ADD CONSTRAINT "PamEvaluation_four_levels" CHECK (
  cardinality("levelsBefore") = 4 AND cardinality("levelsAfter") = 4
  AND 0 <= ALL ("levelsBefore") AND 0 <= ALL ("levelsAfter"));

-- Action plans
ALTER TABLE "ActionPlan" ADD CONSTRAINT "ActionPlan_period" CHECK ("periodEnd" >= "periodStart");
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_cadence_month" CHECK ("cadenceMonth" IS NULL OR "cadenceMonth" BETWEEN 1 AND 12);
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_cadence_years" CHECK ("cadenceYears" IS NULL OR "cadenceYears" >= 1);
ALTER TABLE "Measure" ADD CONSTRAINT "Measure_version_positive" CHECK ("version" >= 1);

-- Delivery bookkeeping
ALTER TABLE "OutboxEvent" ADD CONSTRAINT "OutboxEvent_attempts_non_negative" CHECK ("attempts" >= 0);
ALTER TABLE "WebhookDelivery" ADD CONSTRAINT "WebhookDelivery_attempts_non_negative" CHECK ("attempts" >= 0);
ALTER TABLE "ApiToken" ADD CONSTRAINT "ApiToken_expiry" CHECK ("expiresAt" IS NULL OR "expiresAt" > "createdAt");

-- The audit trail is append-only: no update, delete or truncate, whoever asks.
CREATE FUNCTION samspill_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'AuditEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;
CREATE TRIGGER "AuditEntry_append_only" BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION samspill_refuse_audit_change();
CREATE TRIGGER "AuditEntry_no_truncate" BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION samspill_refuse_audit_change();

-- Norwegian full-text search over an offer's own words, weighted title > summary/codes > description.
CREATE FUNCTION samspill_offer_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('norwegian', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('norwegian', coalesce(NEW."summary", '')), 'B') ||
    setweight(to_tsvector('simple', array_to_string(NEW."diagnosisCodes", ' ')), 'B') ||
    setweight(to_tsvector('norwegian', coalesce(NEW."description", '')), 'C');
  RETURN NEW;
END
$$;
CREATE TRIGGER "Offer_search_vector" BEFORE INSERT OR UPDATE OF "title", "summary", "description", "diagnosisCodes"
  ON "Offer" FOR EACH ROW EXECUTE FUNCTION samspill_offer_search_vector();
