import {
  type Actor,
  acceptInvitation,
  createOrganisation,
  invitePerson,
  requireRegionalAdmin,
  unitOf,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import { ForbiddenError } from "@samspill/domain";
import type { Mailer } from "@samspill/mail";
import { seedReferenceData } from "@samspill/seed";
import { loadMunicipalities } from "@samspill/seed/municipalities";
import { inviteRegionalAdmin, type JobContext, jobs } from "@samspill/worker";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { privateDatabase } from "../../support/db.js";
import { startChild } from "../../support/processes.js";

// A region starting from nothing: on an empty migrated database the migrate job loads the
// reference data (the regional health authority, its trusts and the municipalities), a rerun
// records nothing, and the operator's CLI invites the first regional admin, whose first sign-in
// through the link makes them one. A database of its own: the test counts every row.

let db: Database;
let url: string;
let close: () => Promise<void>;
const municipalities = loadMunicipalities();
const unique = () => Math.random().toString(36).slice(2, 10);

beforeAll(async () => {
  ({ db, url, close } = await privateDatabase());
});
afterAll(() => close());

/** Runs a Node script of the repository against this file's database; resolves with its output. */
async function runScript(script: string, args: string[] = [], env: Record<string, string> = {}) {
  const child = await startChild({
    name: script,
    args: ["--import", "tsx", script],
    extraArgs: args,
    env: { DATABASE_URL: url, REDIS_URL: inject("redisUrl"), NODE_ENV: "test", ...env },
    ready: /\S/,
    timeoutMs: 120_000,
  });
  const { code } = await child.exited;
  return { code, output: child.output() };
}

const counts = async () => ({
  organisations: await db.organisation.count(),
  municipalities: await db.municipality.count(),
  audit: await db.auditEntry.count(),
  events: await db.outboxEvent.count(),
  versions: (await db.organisation.aggregate({ _sum: { version: true } }))._sum.version,
});

/** The person as the gateway sees them after sign-in: their memberships from the database. */
async function actorOf(personId: string): Promise<Actor> {
  const memberships = await db.membership.findMany({ where: { personId } });
  return {
    kind: "PERSON",
    personId,
    tokenId: null,
    name: "New admin",
    memberships: memberships.map(({ organisationId, role }) => ({ organisationId, role })),
  };
}

describe("a new region's reference data", () => {
  it("is loaded by the migrate job on an empty database: the authority, its trusts, every municipality", async () => {
    expect(await db.organisation.count()).toBe(0);
    const run = await runScript("infra/docker/migrate.mjs");
    expect(run.code, run.output).toBe(0);

    const rhf = await db.organisation.findMany({ where: { kind: "REGIONAL_HEALTH_AUTHORITY" } });
    expect(rhf.map((o) => o.name)).toEqual(["Helse Midt-Norge RHF"]);
    const trusts = await db.organisation.findMany({ where: { kind: "HOSPITAL_TRUST" } });
    expect(trusts.map((t) => t.name).sort()).toEqual(
      [...new Set(municipalities.map((m) => m.hospitalTrust))].sort(),
    );
    expect(trusts.every((t) => t.parentId === rhf[0]!.id)).toBe(true);
    // Each municipality row with the trust the reference list names, and its organisation.
    const rows = await db.municipality.findMany({ include: { hospitalTrust: true, organisation: true } });
    expect(rows).toHaveLength(municipalities.length);
    for (const m of municipalities) {
      const row = rows.find((r) => r.number === m.number);
      expect(row?.hospitalTrust?.name, m.number).toBe(m.hospitalTrust);
      expect(row?.organisation?.kind, m.number).toBe("MUNICIPALITY");
    }
    // Nothing of the demo: no people, offers, units or other organisations.
    expect(await db.organisation.count()).toBe(1 + trusts.length + municipalities.length);
    expect(await db.person.count()).toBe(0);
    expect(await db.offer.count()).toBe(0);
    expect(await db.unit.count()).toBe(0);
    // Every organisation created through the organisation command, with its audit entry.
    const created = await db.auditEntry.findMany({ where: { action: "organisation.create" } });
    expect(created.map((a) => a.entityId).sort()).toEqual(
      (await db.organisation.findMany({ select: { id: true } })).map((o) => o.id).sort(),
    );
  });

  it("changes nothing and records nothing when it runs again", async () => {
    const before = await counts();
    const summary = await seedReferenceData(db);
    expect(summary).toMatchObject({ organisationsCreated: 0, municipalitiesWritten: 0 });
    expect(await counts()).toEqual(before);
  });

  it("adds only what is missing and leaves the admins' edits alone", async () => {
    const molde = await db.organisation.findUniqueOrThrow({ where: { municipalityNumber: "1506" } });
    await db.organisation.update({
      where: { id: molde.id },
      data: { language: "nn", website: "https://molde.kommune.no" },
    });
    const volda = await db.organisation.findUniqueOrThrow({ where: { municipalityNumber: "1577" } });
    await db.organisation.delete({ where: { id: volda.id } });
    const before = await counts();

    expect(await seedReferenceData(db)).toMatchObject({ organisationsCreated: 1, municipalitiesWritten: 0 });
    expect(await db.organisation.findUniqueOrThrow({ where: { id: molde.id } })).toMatchObject({
      language: "nn",
      website: "https://molde.kommune.no",
    });
    expect(await db.organisation.findUniqueOrThrow({ where: { municipalityNumber: "1577" } })).toMatchObject({
      id: volda.id,
      name: "Volda kommune",
    });
    expect(await counts()).toEqual({
      ...before,
      organisations: before.organisations + 1,
      audit: before.audit + 1,
      versions: (before.versions ?? 0) + 1,
    });
  });
});

describe("the first regional admin", () => {
  it("is invited by the CLI, whose printed link makes them a regional admin once accepted", async () => {
    const email = `forste-${unique()}@helse-midt.no`;
    const run = await runScript("services/worker/src/commands/invite-regional-admin.ts", ["--email", email], {
      PUBLIC_URL: "https://samspill.example",
    });
    expect(run.code, run.output).toBe(0);
    const token = /https:\/\/samspill\.example\/invitations\/([A-Za-z0-9_-]{43})/.exec(run.output)?.[1];
    expect(token, run.output).toBeDefined();

    const invitation = await db.invitation.findFirstOrThrow({ where: { email } });
    expect(invitation).toMatchObject({ role: "ADMIN", invitedById: null });
    const rhf = await db.organisation.findUniqueOrThrow({ where: { id: invitation.organisationId } });
    expect(rhf.kind).toBe("REGIONAL_HEALTH_AUTHORITY");
    const outsider = await actorOf(
      (await db.person.create({ data: { name: "Ute", email: `ute-${unique()}@x.no` } })).id,
    );
    await expect(db.$transaction((tx) => requireRegionalAdmin(tx, outsider))).rejects.toThrow();

    const accepted = await acceptInvitation(unitOf(db), token!, {
      subject: `helseid-${unique()}`,
      name: "Førstemann",
    });
    expect(accepted).toMatchObject({ outcome: "ACCEPTED", organisationId: rhf.id });
    if (accepted.outcome !== "ACCEPTED") return;
    const admin = await actorOf(accepted.personId);
    await expect(db.$transaction((tx) => requireRegionalAdmin(tx, admin))).resolves.toBe(admin);
    // And so may set up the region: a command only regional admins may run.
    await expect(
      createOrganisation(unitOf(db), admin, { kind: "USER_ORGANISATION", name: `FFO ${unique()}` }),
    ).resolves.toHaveProperty("id");
  });

  it("gets the same link by mail, which the invitation mail job does not replace", async () => {
    const sent: { to: string; subject: string; text: string }[] = [];
    const mailer: Mailer = {
      from: "Samspill <ikke-svar@samspill.test>",
      async send(mail) {
        sent.push({ to: mail.to, subject: mail.subject, text: mail.text ?? "" });
      },
      close() {},
    };
    const email = `andre-${unique()}@helse-midt.no`;
    const invited = await inviteRegionalAdmin(db, {
      email,
      language: "nn",
      publicUrl: "https://samspill.example",
      mailer,
    });
    expect(invited.notMailed).toBeNull();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.to).toBe(email);
    expect(sent[0]!.text).toContain(invited.url);
    expect(sent[0]!.text).toContain("Lenkja kan brukast"); // nynorsk, as asked

    // The event tells the mail job the link is out already: it draws no second one.
    const event = await db.outboxEvent.findFirstOrThrow({
      where: { aggregateId: invited.invitationId, type: "invitation.created" },
    });
    expect(event.payload).toMatchObject({ linkIssued: true });
    const mailJob = jobs.find((j) => j.name === "invitation.mail")!;
    const job = { ...event, sequence: event.sequence.toString(), occurredAt: event.occurredAt.toISOString() };
    await expect(mailJob.handle(job, { db } as unknown as JobContext)).resolves.toEqual({ mailed: false });

    const token = invited.url.split("/").pop()!;
    expect(await acceptInvitation(unitOf(db), token, { subject: `idporten-${unique()}` })).toMatchObject({
      outcome: "ACCEPTED",
    });
  });

  it("is refused a link drawn by the command for anyone but the system", async () => {
    const admin = await db.membership.findFirstOrThrow({ where: { role: "ADMIN" } });
    await expect(
      invitePerson(
        unitOf(db),
        await actorOf(admin.personId),
        { organisationId: admin.organisationId, email: `x-${unique()}@x.no`, role: "EDITOR" },
        { issueLink: true },
      ),
    ).rejects.toThrow(ForbiddenError);
  });
});
