-- A draft may be archived without ever having been published: only published and paused
-- offers must carry the date they were published.
ALTER TABLE "Offer" DROP CONSTRAINT "Offer_published_has_date";
ALTER TABLE "Offer" ADD CONSTRAINT "Offer_published_has_date" CHECK ("status" NOT IN ('PUBLISHED', 'PAUSED') OR "publishedAt" IS NOT NULL);
