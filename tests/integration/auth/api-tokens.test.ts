import { createHash } from "node:crypto";
import type { Database } from "@samspill/database";
import { graphql, type VariablesOf } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import {
  createSignInGateway,
  postGraphQL,
  type SignInGateway,
  signIn,
  testOrigin,
} from "../../support/sign-in.js";

let db: Database;
let gateway: SignInGateway;
let ola: Record<string, string>; // ADMIN of Molde kommune
let kari: Record<string, string>; // EDITOR of Molde kommune
let molde: string;
let trondheim: string;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  gateway = await createSignInGateway(db);
  ola = await signIn(gateway.app, "demo-ola");
  kari = await signIn(gateway.app, "demo-kari");
  molde = (await db.organisation.findUniqueOrThrow({ where: { name: "Molde kommune" } })).id;
  trondheim = (await db.organisation.findUniqueOrThrow({ where: { name: "Trondheim kommune" } })).id;
});
afterAll(async () => {
  await gateway.close();
  await db.$disconnect();
});

const createToken = graphql(`mutation ($org: ID!, $name: String!, $role: Role!, $expiresAt: DateTime) {
  createApiToken(organisationId: $org, name: $name, role: $role, expiresAt: $expiresAt) {
    __typename
    ... on MutationCreateApiTokenSuccess { data { token apiToken { id name prefix role active organisation { name } } } }
    ... on ValidationError { issues { field code } }
  }
}`);
const listTokens = graphql(
  `query ($org: ID!) { apiTokens(organisationId: $org) { id name prefix active lastUsedAt revokedAt } }`,
);
const revokeToken = graphql(`mutation ($id: ID!) {
  revokeApiToken(id: $id) { __typename ... on MutationRevokeApiTokenSuccess { data { id active revokedAt } } }
}`);

async function create(
  headers: Record<string, string>,
  org: string,
  name: string,
  role: VariablesOf<typeof createToken>["role"] = "REPORTER",
  expiresAt?: string,
) {
  return postGraphQL(gateway.app, createToken, { org, name, role, expiresAt }, headers);
}

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const me = (headers: Record<string, string>) =>
  gateway.app.fetch(new Request(`${testOrigin}/auth/me`, { headers }));

describe("API tokens", () => {
  it("create → use → revoke → refused", async () => {
    const created = await create(ola, molde, "Kommunens kursportal", "REPORTER");
    expect(created.errors).toBeUndefined();
    const data = successData(created.data?.createApiToken);
    expect(data?.token).toMatch(/^sp_[A-Za-z0-9_-]{43}$/);
    expect(data?.apiToken).toMatchObject({
      name: "Kommunens kursportal",
      role: "REPORTER",
      active: true,
      organisation: { name: "Molde kommune" },
    });
    const token = data?.token ?? "";
    expect(token.startsWith(data?.apiToken.prefix ?? "-")).toBe(true);

    const used = await me(bearer(token));
    expect(used.status).toBe(200);
    expect(await used.json()).toMatchObject({
      kind: "API_TOKEN",
      personId: null,
      tokenId: data?.apiToken.id,
      name: "Kommunens kursportal",
      memberships: [{ organisationId: molde, organisationName: "Molde kommune", role: "REPORTER" }],
    });
    // Bearer requests carry no ambient credentials, so they need no CSRF header.
    const asToken = await postGraphQL(gateway.app, graphql("{ health { ok } }"), {}, bearer(token));
    expect(asToken.status).toBe(200);

    const row = await db.apiToken.findUniqueOrThrow({ where: { id: data?.apiToken.id } });
    expect(row.lastUsedAt).not.toBeNull();
    await me(bearer(token));
    const again = await db.apiToken.findUniqueOrThrow({ where: { id: row.id } });
    expect(again.lastUsedAt).toEqual(row.lastUsedAt); // written at most once a minute

    const listed = await postGraphQL(gateway.app, listTokens, { org: molde }, ola);
    expect(listed.data?.apiTokens.map((t) => t.id)).toContain(row.id);

    const revoked = await postGraphQL(gateway.app, revokeToken, { id: row.id }, ola);
    expect(revoked.errors).toBeUndefined();
    expect(successData(revoked.data?.revokeApiToken).active).toBe(false);
    expect(successData(revoked.data?.revokeApiToken).revokedAt).toBeTruthy();

    expect((await me(bearer(token))).status).toBe(401);
    const refused = await postGraphQL(gateway.app, listTokens, { org: molde }, bearer(token));
    expect(refused.errors?.[0]?.message).toMatch(/not authorized/i);

    const audit = await db.auditEntry.findMany({ where: { entityType: "ApiToken", entityId: row.id } });
    expect(audit.map((a) => a.action).sort()).toEqual(["apiToken.create", "apiToken.revoke"]);
    expect(audit.every((a) => a.actorKind === "PERSON")).toBe(true);
  });

  it("stores only the SHA-256 of the token, never the token itself", async () => {
    const created = await create(ola, molde, "Rapporteringsjobb");
    const token = successData(created.data?.createApiToken).token ?? "";
    const row = await db.apiToken.findUniqueOrThrow({
      where: { id: successData(created.data?.createApiToken).apiToken.id },
    });
    expect(row.tokenHash).toBe(createHash("sha256").update(token).digest("hex"));
    expect(JSON.stringify(row)).not.toContain(token);
    expect(row.prefix.length).toBeLessThan(token.length / 3);
    const secretPart = token.slice(row.prefix.length);
    const audit = await db.auditEntry.findMany({ where: { entityId: row.id } });
    expect(JSON.stringify(audit, (_k, v) => (typeof v === "bigint" ? String(v) : v))).not.toContain(
      secretPart,
    );
    const [found] = await db.$queryRaw<{ n: bigint }[]>`
      SELECT count(*) AS n FROM "ApiToken" WHERE "tokenHash" = ${token} OR prefix = ${token} OR name = ${token}`;
    expect(Number(found?.n)).toBe(0);
  });

  it("a token of organisation A cannot create tokens for organisation B", async () => {
    const adminToken = successData(
      (await create(ola, molde, "Molde admin-integrasjon", "ADMIN")).data?.createApiToken,
    ).token;
    expect(adminToken).toBeTruthy();
    const before = await db.apiToken.count({ where: { organisationId: trondheim } });

    const denied = await create(bearer(adminToken ?? ""), trondheim, "Innbrudd");
    expect(denied.data).toBeNull();
    expect(denied.errors?.[0]?.message).toMatch(/not authorized/i);
    expect(await db.apiToken.count({ where: { organisationId: trondheim } })).toBe(before);

    const listing = await postGraphQL(gateway.app, listTokens, { org: trondheim }, bearer(adminToken ?? ""));
    expect(listing.errors?.[0]?.message).toMatch(/not authorized/i);
  });

  it("only admins of the organisation manage its tokens", async () => {
    const byEditor = await create(kari, molde, "Kari sin");
    expect(byEditor.errors?.[0]?.message).toMatch(/not authorized/i);
    expect((await postGraphQL(gateway.app, listTokens, { org: molde }, kari)).errors?.[0]?.message).toMatch(
      /not authorized/i,
    );
    const byOtherAdmin = await create(ola, trondheim, "Ola i Trondheim");
    expect(byOtherAdmin.errors?.[0]?.message).toMatch(/not authorized/i);

    const created = await create(ola, molde, "Skal ikke trekkes av Kari");
    const id = successData(created.data?.createApiToken).apiToken.id;
    // The token's organisation is known only from the token: the command refuses after reading it.
    const revokeByEditor = await postGraphQL(gateway.app, revokeToken, { id }, kari);
    expect(revokeByEditor.data).toEqual({ revokeApiToken: { __typename: "ForbiddenError" } });
    expect((await db.apiToken.findUniqueOrThrow({ where: { id } })).revokedAt).toBeNull();
    // An unknown id looks like someone else's token: no hint whether it exists.
    for (const unknown of ["0190a0a0-0000-7000-8000-000000000000", "not-a-uuid"]) {
      const response = await postGraphQL(gateway.app, revokeToken, { id: unknown }, ola);
      expect(response.data).toEqual(revokeByEditor.data);
    }
  });

  it("refuses expired tokens and checks the input", async () => {
    const past = await create(ola, molde, "Gammel", "VIEWER", "2020-01-01T00:00:00Z");
    expect(past.data?.createApiToken.__typename).toBe("ValidationError");
    expect(validationIssues(past.data?.createApiToken)?.map((i) => i.field)).toEqual(["expiresAt"]);
    const blank = await create(ola, molde, "   ");
    expect(validationIssues(blank.data?.createApiToken)?.map((i) => i.field)).toEqual(["name"]);

    const soon = new Date(Date.now() + 3_600_000).toISOString();
    const created = await create(ola, molde, "Kortvarig", "VIEWER", soon);
    const token = successData(created.data?.createApiToken).token ?? "";
    expect((await me(bearer(token))).status).toBe(200);
    await db.apiToken.update({
      where: { id: successData(created.data?.createApiToken).apiToken.id },
      // Backdated as a whole: the database insists a token expires after it was created.
      data: { createdAt: new Date(Date.now() - 7_200_000), expiresAt: new Date(Date.now() - 1_000) },
    });
    expect((await me(bearer(token))).status).toBe(401);
    expect((await me(bearer("sp_not-a-real-token"))).status).toBe(401);
    expect((await me(bearer(`sp_${"x".repeat(43)}`))).status).toBe(401);
  });
});
