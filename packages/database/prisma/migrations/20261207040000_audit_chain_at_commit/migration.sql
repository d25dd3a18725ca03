-- The audit chain is linked at commit instead of at insert.
--
-- Why: migration 20261206190442_audit_chain_and_roles linked each entry in a BEFORE INSERT trigger
-- under a transaction-level advisory lock. Every command writes an audit entry, so every command
-- transaction held that lock from its audit insert to its COMMIT, and all commands ran one after
-- another (sign-ups: about 11 per second). Now the insert only records the entry, unchained, and a
-- DEFERRABLE INITIALLY DEFERRED constraint trigger links it just before COMMIT: the lock is held
-- from that moment to the end of the commit, not for the rest of the transaction.
--
-- Why a chain position rather than renumbering the id at commit: the id is drawn at insert and
-- returned to the inserter (INSERT … RETURNING, Prisma's create); changing it at commit would
-- leave the inserter holding an id that no longer exists. So the chain order is a column of its
-- own, "chainPosition", drawn under the lock at commit (last position + 1, so positions have no
-- gaps), and the chain is walked in that order (packages/database/src/audit-chain.ts). Ids stay
-- in insert order; chain positions are in commit order.
--
-- What still holds: no fork (positions are drawn under the lock after the last one committed, and
-- a unique index refuses a second entry at any position); tamper detection (the hash function is
-- unchanged: id and content and the previous hash; reordering positions breaks the links); the
-- application role may only INSERT and SELECT the table; sealed entries cannot change at all. The
-- one update the append-only trigger lets through is the sealing of an entry that is not chained
-- yet (which only its own, still open, transaction can see), by the sealing trigger, with its
-- content untouched. Entries already written were chained in id order and keep their hashes; they get
-- positions in that order.

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "chainPosition" BIGINT;

ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only";
UPDATE "AuditEntry" a SET "chainPosition" = p."position"
  FROM (SELECT "id", row_number() OVER (ORDER BY "id") AS "position" FROM "AuditEntry") p
  WHERE a."id" = p."id";
ALTER TABLE "AuditEntry" ENABLE TRIGGER "AuditEntry_append_only";

-- CreateIndex
CREATE UNIQUE INDEX "AuditEntry_chainPosition_key" ON "AuditEntry"("chainPosition");

-- An entry is either pending (only ever seen by the transaction inserting it) or sealed.
ALTER TABLE "AuditEntry" DROP CONSTRAINT "AuditEntry_hash_set";
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_pending_or_sealed" CHECK (
  ("chainPosition" IS NULL AND "hash" = '' AND "previousHash" IS NULL)
  OR ("chainPosition" > 0 AND "hash" ~ '^[0-9a-f]{64}$')
);

-- At insert: the entry is recorded unchained, whatever the inserter put in the chain columns, and
-- gets its id from the sequence (a chosen id could collide). The link is read at commit with a
-- fresh snapshot, which only READ COMMITTED gives (the isolation level is fixed for the whole
-- transaction, so refusing here refuses early what the seal below could not do safely).
CREATE OR REPLACE FUNCTION samspill_chain_audit_entry() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF current_setting('transaction_isolation') <> 'read committed' THEN
    RAISE EXCEPTION 'AuditEntry is written under READ COMMITTED only (not %)',
      current_setting('transaction_isolation') USING ERRCODE = 'feature_not_supported';
  END IF;
  NEW."id" := nextval(pg_get_serial_sequence(format('%I.%I', TG_TABLE_SCHEMA, TG_TABLE_NAME), 'id'));
  NEW."chainPosition" := NULL;
  NEW."previousHash" := NULL;
  NEW."hash" := '';
  RETURN NEW;
END
$$;

-- Just before commit, for each entry the transaction inserted (in insert order): take the chain's
-- lock (namespace 0x0ad17, "audit", as before), read the last sealed entry with a fresh snapshot,
-- and seal this one after it. The lock is held to the end of the commit, so the next sealer sees
-- this entry. SECURITY DEFINER: the update runs as samspill_audit_owner, as the application role
-- has no UPDATE on the table; a trigger function cannot be called directly, and nobody else may
-- attach it to a table of theirs. The search_path is set here, inside the function (which undoes
-- it on return), to the trigger's own schema behind pg_catalog: a caller's search_path cannot
-- substitute a table or function, and the statements are static, so their plans are cached
-- (planning a dynamic statement for every entry made a 3,000-entry import's commit take longer
-- than the old insert-time chaining did).
CREATE FUNCTION samspill_seal_audit_entry() RETURNS trigger
LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
DECLARE
  last_position bigint;
BEGIN
  PERFORM set_config('search_path', format('pg_catalog, %I, pg_temp', TG_TABLE_SCHEMA), true);
  PERFORM pg_advisory_xact_lock(x'0ad17'::int, hashtext(TG_TABLE_SCHEMA));
  SELECT "chainPosition", "hash" INTO last_position, NEW."previousHash" FROM "AuditEntry"
    WHERE "chainPosition" IS NOT NULL ORDER BY "chainPosition" DESC LIMIT 1;
  NEW."chainPosition" := coalesce(last_position, 0) + 1;
  NEW."hash" := samspill_audit_entry_hash(NEW);
  UPDATE "AuditEntry"
    SET "chainPosition" = NEW."chainPosition", "previousHash" = NEW."previousHash", "hash" = NEW."hash"
    WHERE "id" = NEW."id" AND "chainPosition" IS NULL;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'AuditEntry % could not be sealed', NEW."id" USING ERRCODE = 'integrity_constraint_violation';
  END IF;
  RETURN NULL;
END
$$;
CREATE CONSTRAINT TRIGGER "AuditEntry_seal" AFTER INSERT ON "AuditEntry"
  DEFERRABLE INITIALLY DEFERRED FOR EACH ROW EXECUTE FUNCTION samspill_seal_audit_entry();

-- Append-only, except for sealing: an unchained entry may get its position, link and hash once,
-- from within a trigger (the sealing one: the application role cannot update the table at all,
-- not even from a trigger of its own), with every other column as inserted. Everything else is
-- refused, whoever asks. A hash that does not match would be found by the verification.
CREATE OR REPLACE FUNCTION samspill_refuse_audit_change() RETURNS trigger
LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
BEGIN
  IF TG_OP = 'UPDATE' AND OLD."chainPosition" IS NULL AND NEW."chainPosition" IS NOT NULL
    AND pg_trigger_depth() > 1
    AND to_jsonb(OLD) - ARRAY['chainPosition', 'previousHash', 'hash']
      = to_jsonb(NEW) - ARRAY['chainPosition', 'previousHash', 'hash'] THEN
    RETURN NEW;
  END IF;
  RAISE EXCEPTION 'AuditEntry is append-only: % refused', TG_OP USING ERRCODE = 'insufficient_privilege';
END
$$;

ALTER FUNCTION samspill_seal_audit_entry() OWNER TO samspill_audit_owner;
REVOKE EXECUTE ON FUNCTION samspill_seal_audit_entry() FROM PUBLIC;
