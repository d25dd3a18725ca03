-- An offer written without diagnosis codes (a raw insert, or an import that leaves them out)
-- got a NULL search vector: array_to_string(NULL) is NULL and || with NULL empties the whole
-- vector, so the offer could never be found by text. Coalesce every part, then repair the rows.
CREATE OR REPLACE FUNCTION samspill_offer_search_vector() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  NEW."searchVector" :=
    setweight(to_tsvector('norwegian', coalesce(NEW."title", '')), 'A') ||
    setweight(to_tsvector('norwegian', coalesce(NEW."summary", '')), 'B') ||
    setweight(to_tsvector('simple', coalesce(array_to_string(NEW."diagnosisCodes", ' '), '')), 'B') ||
    setweight(to_tsvector('norwegian', coalesce(NEW."description", '')), 'C');
  RETURN NEW;
END
$$;

UPDATE "Offer" SET "title" = "title" WHERE "searchVector" IS NULL;
