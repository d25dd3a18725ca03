import pg from "pg";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";

// Production connects as a login role granted `samspill_app` (README, infra/k8s/README.md). The
// tests' own connection is a superuser, which no privilege binds, so this file creates such a
// login role and proves what it can and cannot do to the audit table. On Postgres it connects as
// that role; PGlite has one backend and ignores the user name at connect time, so there each
// statement runs after `SET LOCAL ROLE` in a transaction of its own (session state is shared
// between PGlite's connections, a transaction is not).

const login = `samspill_app_test_${process.pid}`;
const password = "audit-role-test";
let admin: pg.Client;
let app: pg.Client;
const pglite = inject("databaseMode") === "pglite";

/** Runs one statement as the application role, always rolled back. */
async function asApp(sql: string): Promise<void> {
  await app.query("BEGIN");
  try {
    if (pglite) await app.query(`SET LOCAL ROLE ${login}`);
    await app.query(sql);
  } finally {
    await app.query("ROLLBACK");
  }
}

beforeAll(async () => {
  admin = new pg.Client({ connectionString: inject("databaseUrl") });
  await admin.connect();
  await admin.query(`DROP ROLE IF EXISTS ${login}`);
  await admin.query(`CREATE ROLE ${login} LOGIN PASSWORD '${password}' IN ROLE samspill_app`);
  const url = new URL(inject("databaseUrl"));
  if (!pglite) {
    url.username = login;
    url.password = password;
  }
  app = new pg.Client({ connectionString: url.toString() });
  await app.connect();
  await admin.query(
    `INSERT INTO "AuditEntry" ("actorKind", "action", "entityType", "entityId", "changes")
     VALUES ('SYSTEM', 'roles-test', 'RoleTest', '1', '{}')`,
  );
});
afterAll(async () => {
  await app?.end();
  await admin.query(`DROP ROLE IF EXISTS ${login}`);
  await admin.end();
});

describe("the audit table's owner and the application role", () => {
  it("is owned, with its trigger functions, by a role that cannot log in", async () => {
    const { rows } = await admin.query(
      `SELECT c.relowner::regrole::text AS owner, r.rolcanlogin FROM pg_class c
       JOIN pg_roles r ON r.oid = c.relowner WHERE c.oid = '"AuditEntry"'::regclass`,
    );
    expect(rows).toEqual([{ owner: "samspill_audit_owner", rolcanlogin: false }]);
    const functions = await admin.query(
      `SELECT p.proname, p.proowner::regrole::text AS owner FROM pg_trigger t JOIN pg_proc p ON p.oid = t.tgfoid
       WHERE t.tgrelid = '"AuditEntry"'::regclass AND NOT t.tgisinternal`,
    );
    expect(functions.rows.length).toBeGreaterThanOrEqual(2);
    for (const f of functions.rows) expect(f.owner).toBe("samspill_audit_owner");
    // Nor can the application become the owner: it is no member of that role.
    const member = await admin.query(`SELECT pg_has_role($1, 'samspill_audit_owner', 'MEMBER') AS m`, [
      login,
    ]);
    expect(member.rows[0].m).toBe(false);
  });

  it("lets the application role insert and read entries, and use the other tables", async () => {
    await app.query("BEGIN");
    if (pglite) await app.query(`SET LOCAL ROLE ${login}`);
    const who = await app.query(
      "SELECT current_user AS role, (SELECT rolsuper FROM pg_roles WHERE rolname = current_user) AS su",
    );
    expect(who.rows[0]).toEqual({ role: login, su: false });
    const inserted = await app.query(
      `INSERT INTO "AuditEntry" ("actorKind", "action", "entityType", "entityId", "changes")
       VALUES ('SYSTEM', 'as-app', 'RoleTest', '2', '{}') RETURNING "id", "hash"`,
    );
    // Chained at commit, by the owner's sealing trigger: the role's lack of UPDATE does not stop it.
    expect(inserted.rows[0].hash).toBe("");
    await app.query(`SELECT count(*) FROM "AuditEntry"`);
    await app.query(`UPDATE "Organisation" SET "name" = "name" WHERE false`);
    await app.query("COMMIT");
    const sealed = await admin.query(`SELECT "hash", "previousHash" FROM "AuditEntry" WHERE "id" = $1`, [
      inserted.rows[0].id,
    ]);
    expect(sealed.rows[0].hash).toMatch(/^[0-9a-f]{64}$/);
    expect(sealed.rows[0].previousHash).toMatch(/^[0-9a-f]{64}$/);
  });

  it.each([
    ["UPDATE", `UPDATE "AuditEntry" SET "action" = 'tampered'`, /permission denied/],
    ["DELETE", `DELETE FROM "AuditEntry"`, /permission denied/],
    ["TRUNCATE", `TRUNCATE "AuditEntry"`, /permission denied/],
    ["ALTER TABLE", `ALTER TABLE "AuditEntry" DISABLE TRIGGER "AuditEntry_append_only"`, /must be owner/],
    ["ALTER TABLE ADD", `ALTER TABLE "AuditEntry" ADD COLUMN "x" int`, /must be owner/],
    ["DROP TRIGGER", `DROP TRIGGER "AuditEntry_chain" ON "AuditEntry"`, /must be owner/],
    ["ALTER TRIGGER", `ALTER TRIGGER "AuditEntry_append_only" ON "AuditEntry" RENAME TO x`, /must be owner/],
    [
      "CREATE TRIGGER",
      `CREATE TRIGGER x BEFORE INSERT ON "AuditEntry" FOR EACH ROW EXECUTE FUNCTION samspill_refuse_audit_change()`,
      /permission denied/,
    ],
    [
      "REPLACE FUNCTION",
      `CREATE OR REPLACE FUNCTION samspill_refuse_audit_change() RETURNS trigger LANGUAGE plpgsql AS $$ BEGIN RETURN NEW; END $$`,
      /must be owner|permission denied/,
    ],
    ["ALTER FUNCTION", `ALTER FUNCTION samspill_chain_audit_entry() OWNER TO ${login}`, /must be owner/],
    ["DROP seal TRIGGER", `DROP TRIGGER "AuditEntry_seal" ON "AuditEntry"`, /must be owner/],
    ["UPDATE chain position", `UPDATE "AuditEntry" SET "chainPosition" = NULL`, /permission denied/],
    [
      "borrowing the sealing function",
      `CREATE TEMP TABLE x (id int); CREATE TRIGGER x AFTER INSERT ON x FOR EACH ROW EXECUTE FUNCTION samspill_seal_audit_entry()`,
      /permission denied/,
    ],
  ])("refuses the application role %s", async (_what, sql, refusal) => {
    await expect(asApp(sql)).rejects.toThrow(refusal);
  });
});
