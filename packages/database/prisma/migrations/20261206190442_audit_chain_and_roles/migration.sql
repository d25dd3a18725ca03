-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "hash" TEXT NOT NULL DEFAULT '',
ADD COLUMN     "previousHash" TEXT;

-- What follows Prisma cannot state: the audit trail's hash chain and the roles that keep the
-- application from rewriting it. Every statement runs on PGlite too (it has roles, ownership,
-- sha256() and advisory locks), so nothing here is guarded by environment.

-- The hash of one entry: sha256 over its content and the hash of the entry before it. jsonb's
-- text form is canonical, so the same row always gives the same bytes; the id is part of it, so
-- renumbering is detected too. The verification (packages/database/src/audit-chain.ts) calls this
-- same function.
CREATE FUNCTION samspill_audit_entry_hash(e "AuditEntry") RETURNS text
LANGUAGE sql STABLE SET search_path = pg_catalog, pg_temp AS $$
  SELECT encode(sha256(convert_to(jsonb_build_array(
    e."id", e."occurredAt", e."actorKind", e."actorPersonId", e."actorTokenId", e."organisationId",
    e."action", e."entityType", e."entityId", e."changes", e."requestId", e."previousHash"
  )::text, 'UTF8')), 'hex')
$$;

-- Entries already written form the start of the chain, in id order.
ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only";
DO $$
DECLARE
  entry record;
  previous text := NULL;
BEGIN
  FOR entry IN SELECT "id" FROM "AuditEntry" ORDER BY "id" LOOP
    UPDATE "AuditEntry" SET "previousHash" = previous WHERE "id" = entry."id";
    UPDATE "AuditEntry" a SET "hash" = samspill_audit_entry_hash(a) WHERE "id" = entry."id"
      RETURNING "hash" INTO previous;
  END LOOP;
END
$$;
ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only";

-- Each new entry links to the last one. A transaction-level advisory lock serialises inserters
-- until commit, and the entry's id is drawn under that lock, so id order is chain order and two
-- concurrent inserts cannot both link to the same predecessor. The previous hash is read with a
-- fresh snapshot after the lock, which only READ COMMITTED gives: under REPEATABLE READ or
-- SERIALIZABLE the chain could fork, so such inserts are refused. Tables and functions are named
-- through the trigger's own schema, so a caller's search_path cannot substitute either.
CREATE FUNCTION samspill_chain_audit_entry() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  previous text;
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'AuditEntry is written under READ COMMITTED only (not %)',
      current_setting('transaction_isolation') USING ERRCODE = 'feature_not_supported';
  END IF;
  -- Namespace 0x0ad17 ("audit") keeps this lock apart from other features' advisory locks.
  PERFORM pg_advisory_xact_lock(x'0ad17'::int, hashtext(TG_TABLE_SCHEMA));
  EXECUTE format('SELECT "hash" FROM %I.%I ORDER BY "id" DESC LIMIT 1', TG_TABLE_SCHEMA, TG_TABLE_NAME)
    INTO previous;
  NEW."id" := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'));
  NEW."previousHash" := previous;
  EXECUTE format('SELECT %I.samspill_audit_entry_hash($1)', TG_TABLE_SCHEMA) INTO NEW."hash" USING NEW;
  RETURN NEW;
END
$$;
CREATE TRIGGER "AuditEntry_chain" BEFORE INSERT ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION samspill_chain_audit_entry();
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_hash_set" CHECK ("hash" ~ '^[0-9a-f]{64}$');

-- Two roles (cluster-wide, so created only once per server): samspill_audit_owner owns the
-- audit table and its trigger functions and cannot log in; samspill_app is what the application
-- connects as (through a login role granted it). It may read and write the other tables but only
-- INSERT and SELECT the audit table: it cannot update, delete, truncate, alter it or touch its
-- triggers. Creating them needs CREATEROLE (or a DBA creates them beforehand).
DO $$
BEGIN
  CREATE ROLE samspill_audit_owner NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;
DO $$
BEGIN
  CREATE ROLE samspill_app NOLOGIN;
EXCEPTION WHEN duplicate_object OR unique_violation THEN NULL;
END
$$;

DO $$
DECLARE
  s text := current_schema();
BEGIN
  -- A migrating role that is no superuser must belong to the owner role to hand the table over
  -- (and to alter it in later migrations).
  IF NOT (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) THEN
    EXECUTE format('GRANT samspill_audit_owner TO %I', current_user);
  END IF;
  EXECUTE format('GRANT USAGE ON SCHEMA %I TO samspill_app, samspill_audit_owner', s);
  EXECUTE format('GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA %I TO samspill_app', s);
  EXECUTE format('GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA %I TO samspill_app', s);
  -- Tables and sequences later migrations create are the application's to use as well.
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT SELECT, INSERT, UPDATE, DELETE ON TABLES TO samspill_app', s);
  EXECUTE format('ALTER DEFAULT PRIVILEGES IN SCHEMA %I GRANT USAGE, SELECT ON SEQUENCES TO samspill_app', s);
  IF to_regclass('_prisma_migrations') IS NOT NULL THEN
    REVOKE INSERT, UPDATE, DELETE ON "_prisma_migrations" FROM samspill_app;
  END IF;
END
$$;
REVOKE UPDATE, DELETE, TRUNCATE, REFERENCES, TRIGGER ON "AuditEntry" FROM samspill_app;
ALTER TABLE "AuditEntry" OWNER TO samspill_audit_owner;
ALTER FUNCTION samspill_audit_entry_hash("AuditEntry") OWNER TO samspill_audit_owner;
ALTER FUNCTION samspill_chain_audit_entry() OWNER TO samspill_audit_owner;
ALTER FUNCTION samspill_refuse_audit_change() OWNER TO samspill_audit_owner;
