-- The overview finds the offers of a scope through the GIN index on their municipalities. With
-- GIN's default fast update, every written row goes to an unsorted pending list that each search
-- scans in full until a vacuum merges it: after a rebuild or a burst of projected events the
-- overview statement cost Postgres about 20 ms instead of 3 (issue 16). The projector writes one
-- row per offer event, so entering its handful of keys directly costs it little.
ALTER INDEX "OverviewOffer_municipalityNumbers_idx" SET (fastupdate = off);

-- Turning fast update off leaves what is pending in place: merge it now.
SELECT gin_clean_pending_list('"OverviewOffer_municipalityNumbers_idx"'::regclass);
