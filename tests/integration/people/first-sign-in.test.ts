import {
  createOrganisation,
  invitePerson,
  issueInvitationLink,
  systemActor,
  unitOf,
} from "@samspill/commands";
import type { Database } from "@samspill/database";
import { queueNames } from "@samspill/events";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { csrfHeaderName } from "../../../services/gateway/src/auth/index.js";
import { testDatabase } from "../../support/db.js";
import { viewerWith } from "../../support/gateway.js";
import {
  CookieJar,
  createSignInGateway,
  followRedirects,
  postGraphQL,
  type SignInGateway,
  send,
  signInAs,
  testOrigin,
} from "../../support/sign-in.js";
import { startMailHarness } from "../summaries/mail-harness.js";

// The first sign-in through an invitation's link, through the gateway's real sign-in and the
// demo OpenID provider (a new identity, as a real provider's new user): the signer is bound to
// the invited person and lands where the link said, signed in with the role. A link that no
// longer works, and a sign-in of someone who belongs nowhere, lead to the web app's pages.

let db: Database;
let gateway: SignInGateway;
const regionalAdmin = viewerWith([{ org: "rhf:hmn", role: "ADMIN" }], "Eva Strand");
const unique = () => Math.random().toString(36).slice(2, 10);

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  gateway = await createSignInGateway(db);
});
afterAll(async () => {
  await gateway?.close();
  await db.$disconnect();
});

/** Signs in as a new demo identity named `name`, optionally through an invitation's link. */
async function signInFresh(name: string, invitation?: string, returnTo = "/workspace") {
  const jar = new CookieJar();
  const query = new URLSearchParams({ returnTo, ...(invitation ? { invitation } : {}) });
  const login = new URL(`/auth/login?${query}`, testOrigin);
  const page = await followRedirects(gateway.app, jar, await send(gateway.app, jar, login), login);
  const html = await page.response.text();
  const action = /<form method="post" action="([^"]+)"/.exec(html)?.[1];
  if (!action) throw new Error(`no login page: ${html.slice(0, 200)}`);
  expect(html).toContain("Ny demobruker");
  const posted = await send(gateway.app, jar, new URL(action, page.url), {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ subject: "__new__", newName: name }).toString(),
  });
  const done = await followRedirects(gateway.app, jar, posted, new URL(action, page.url));
  const session = jar.get("samspill_session");
  return {
    location: done.response.headers.get("location"),
    headers: session ? { cookie: `samspill_session=${session}`, [csrfHeaderName]: "1" } : null,
  };
}

async function invitation(role: "ADMIN" | "EDITOR" = "ADMIN") {
  const { id: organisationId } = await createOrganisation(unitOf(db), regionalAdmin, {
    kind: "USER_ORGANISATION",
    name: `Pårørendeforeningen ${unique()}`,
  });
  const email = `invitert-${unique()}@forening.no`;
  const { id } = await invitePerson(unitOf(db), regionalAdmin, { organisationId, email, role });
  return { id, organisationId, email };
}

const me = async (headers: Record<string, string>) =>
  (await gateway.app.fetch(new Request(`${testOrigin}/auth/me`, { headers }))).json() as Promise<{
    name: string;
    memberships: { organisationId: string; role: string }[];
  }>;

describe("first sign-in through an invitation", () => {
  it("binds a new identity to the invitation and signs them in with the role", async () => {
    const { id, organisationId, email } = await invitation();
    const link = await issueInvitationLink(unitOf(db), systemActor(), { id });
    const signedIn = await signInFresh("Nora Ny", link?.token, `/admin/organisations/${organisationId}`);
    expect(signedIn.location).toBe(`/admin/organisations/${organisationId}`);
    if (!signedIn.headers) throw new Error("no session");
    const who = await me(signedIn.headers);
    expect(who.name).toBe("Nora Ny");
    expect(who.memberships).toEqual([expect.objectContaining({ organisationId, role: "ADMIN" })]);
    const person = await db.person.findUniqueOrThrow({ where: { email } });
    expect(person.oidcSubject).toMatch(/^demo-new-/);

    // Now a demo user like any other: the provider lists them, and they sign in by name.
    const again = await signInAs(gateway.app, person.oidcSubject ?? "", "/workspace");
    expect(again.location).toBe("/workspace");

    // The link was spent: a stranger through it gets the invitation's page, and no session.
    const stranger = await signInFresh("Noen Andre", link?.token);
    expect(stranger.location).toBe(`/invitations/${link?.token}`);
    expect(stranger.headers).toBeNull();
  });

  it("sends an expired link's sign-in to the invitation page, signed out", async () => {
    const { id } = await invitation();
    const link = await issueInvitationLink(unitOf(db), systemActor(), { id });
    await db.invitation.update({ where: { id }, data: { expiresAt: new Date(Date.now() - 1000) } });
    const late = await signInFresh("Sen Person", link?.token);
    expect(late.location).toBe(`/invitations/${link?.token}`);
    expect(late.headers).toBeNull();
    const preview = await postGraphQL(
      gateway.app,
      graphql("query ($token: String!) { invitation(token: $token) { state organisationName } }"),
      { token: link?.token ?? "" },
    );
    expect(preview.data?.invitation.state).toBe("EXPIRED");
  });

  it("sends someone unknown, and someone without a role, to the page of whom to ask", async () => {
    const nobody = await signInFresh("Ukjent Person");
    expect(nobody.location).toBe("/no-access");
    expect(nobody.headers).toBeNull();

    const subject = `demo-lonely-${unique()}`;
    await db.person.create({
      data: { name: "Ensom Person", email: `ensom-${unique()}@molde.kommune.no`, oidcSubject: subject },
    });
    const lonely = await signInAs(gateway.app, subject, "/workspace");
    expect(lonely.location).toBe("/no-access");
    const contacts = await postGraphQL(
      gateway.app,
      graphql("{ accessContacts { organisationName organisationKind admins { name } } }"),
      undefined,
      lonely.headers,
    );
    const byName = new Map(contacts.data?.accessContacts.map((c) => [c.organisationName, c]));
    expect(byName.get("Helse Midt-Norge RHF")?.admins.map((a) => a.name)).toContain("Eva Strand");
    // Their address's domain names their municipality, and its admin.
    expect(byName.get("Molde kommune")?.admins.map((a) => a.name)).toContain("Ola Hansen");

    // Signed out, the page names organisations, never people.
    const open = await postGraphQL(
      gateway.app,
      graphql("{ accessContacts { organisationName admins { name } } }"),
    );
    expect(open.data?.accessContacts.length).toBeGreaterThan(0);
    expect(open.data?.accessContacts.flatMap((c) => c.admins)).toEqual([]);
  });
});

describe("the invitation mail", () => {
  it("is sent by the worker with a one-time link that opens the invitation", async () => {
    const harness = await startMailHarness(db, `invitation-${unique()}`);
    try {
      const { id, email } = await invitation("EDITOR");
      const row = await db.outboxEvent.findFirstOrThrow({
        where: { aggregateId: id, type: "invitation.created" },
      });
      const data = {
        id: row.id,
        sequence: row.sequence.toString(),
        type: row.type,
        aggregateType: row.aggregateType,
        aggregateId: row.aggregateId,
        organisationId: row.organisationId,
        payload: row.payload,
        occurredAt: row.occurredAt.toISOString(),
      };
      expect(await harness.run(queueNames.events, "invitation.created", data)).toMatchObject({
        "invitation.mail": { mailed: true },
      });
      const [mail] = harness.to(email);
      expect(mail?.subject).toMatch(/^Invitasjon til Pårørendeforeningen/);
      const token = /https:\/\/samspill\.test\/invitations\/([A-Za-z0-9_-]{43})/.exec(mail?.text ?? "")?.[1];
      expect(token).toBeDefined();
      const preview = await postGraphQL(
        gateway.app,
        graphql("query ($token: String!) { invitation(token: $token) { state role } }"),
        { token: token ?? "" },
      );
      expect(preview.data?.invitation).toEqual({ state: "OPEN", role: "EDITOR" });
      // Nothing of the link or the address in the job's event.
      expect(JSON.stringify(row.payload)).not.toContain(email);
    } finally {
      await harness.stop();
    }
  });
});
