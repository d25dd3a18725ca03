import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { successData, validationIssues } from "../../support/answers.js";
import { testDatabase } from "../../support/db.js";
import { createSignInGateway, postGraphQL, type SignInGateway, signIn } from "../../support/sign-in.js";

// Least privilege for machine clients: every token expires (the deployment's default, never past
// its maximum), acts only within its scopes, and cannot mint a token with more than it holds.

let db: Database;
let gateway: SignInGateway;
let ola: Record<string, string>; // ADMIN of Molde kommune
let molde: string;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  gateway = await createSignInGateway(db);
  ola = await signIn(gateway.app, "demo-ola");
  molde = (await db.organisation.findUniqueOrThrow({ where: { name: "Molde kommune" } })).id;
});
afterAll(async () => {
  await gateway.close();
  await db.$disconnect();
});

const createToken = graphql(`mutation CreateScopedToken(
  $org: ID!, $name: String!, $role: Role!, $expiresInDays: Int, $scopes: [ApiTokenScope!]
) {
  createApiToken(organisationId: $org, name: $name, role: $role, expiresInDays: $expiresInDays, scopes: $scopes) {
    __typename
    ... on MutationCreateApiTokenSuccess { data { token apiToken { id role scopes expiresAt } } }
    ... on ValidationError { issues { field code } }
  }
}`);
const createOffer = graphql(`mutation TokenCreatesOffer($input: CreateOfferInput!) {
  createOffer(input: $input) { __typename ... on MutationCreateOfferSuccess { data { id } } }
}`);
const listTokens = graphql(`query TokenListsTokens($org: ID!) { apiTokens(organisationId: $org) { id } }`);

const bearer = (token: string) => ({ authorization: `Bearer ${token}` });
const dayMs = 86_400_000;

type Scope = "READ" | "WRITE_OFFERS" | "MANAGE_ACCESS" | "WRITE_AGREEMENTS";
async function mint(
  headers: Record<string, string>,
  options: { role?: "ADMIN" | "EDITOR" | "VIEWER"; scopes?: Scope[]; expiresInDays?: number } = {},
) {
  const answer = await postGraphQL(
    gateway.app,
    createToken,
    { org: molde, name: "Integrasjon", role: options.role ?? "ADMIN", ...options },
    headers,
  );
  return answer.data?.createApiToken;
}

const offerInput = (title: string) => ({
  providerId: molde,
  title,
  summary: "Kurs for folk med KOLS",
  kind: "GROUP_COURSE" as const,
  diagnosisScope: "DIAGNOSIS_SPECIFIC" as const,
  diagnosisCodes: ["J44"],
  format: "PHYSICAL" as const,
  location: "Molde",
  municipalityNumbers: ["1506"],
});

describe("API token lifetime", () => {
  it("gives a token without a lifetime the default, and refuses more than the maximum", async () => {
    const made = successData(await mint(ola));
    const expiresAt = new Date(String(made.apiToken.expiresAt)).getTime();
    expect(Math.abs(expiresAt - (Date.now() + 90 * dayMs))).toBeLessThan(60_000);
    expect(made.apiToken.scopes.length).toBeGreaterThan(1); // every scope when none are named

    const tooLong = await mint(ola, { expiresInDays: 366 });
    expect(validationIssues(tooLong)?.map((i) => i.field)).toEqual(["expiresInDays"]);
  });
});

describe("API token scopes", () => {
  it("a token acts only within its scopes", async () => {
    const readOnly = successData(await mint(ola, { role: "EDITOR", scopes: ["READ"] })).token;
    const before = await db.offer.count({ where: { providerId: molde } });
    const refused = await postGraphQL(
      gateway.app,
      createOffer,
      { input: offerInput("Lesetoken skriver") },
      bearer(readOnly),
    );
    expect(refused.data?.createOffer.__typename).toBe("ForbiddenError");
    expect(await db.offer.count({ where: { providerId: molde } })).toBe(before);

    const writer = successData(await mint(ola, { role: "EDITOR", scopes: ["WRITE_OFFERS"] })).token;
    const written = await postGraphQL(
      gateway.app,
      createOffer,
      { input: offerInput("Skrivetoken skriver") },
      bearer(writer),
    );
    expect(written.data?.createOffer.__typename).toBe("MutationCreateOfferSuccess");
    expect(await db.offer.count({ where: { providerId: molde } })).toBe(before + 1);

    // Without READ a token's queries run as a signed-out caller's: no members-only data.
    const admin = successData(await mint(ola, { scopes: ["MANAGE_ACCESS"] })).token;
    expect((await postGraphQL(gateway.app, listTokens, { org: molde }, bearer(admin))).data).toBeNull();
    const reader = successData(await mint(ola, { scopes: ["READ"] })).token;
    expect(
      (await postGraphQL(gateway.app, listTokens, { org: molde }, bearer(reader))).data?.apiTokens.length,
    ).toBeGreaterThan(0);
  });

  it("no token mints a token with more scopes or a longer life than its own", async () => {
    const minter = successData(
      await mint(ola, { role: "ADMIN", scopes: ["MANAGE_ACCESS", "READ"], expiresInDays: 10 }),
    ).token;
    const count = () => db.apiToken.count({ where: { organisationId: molde } });
    const before = await count();

    const wider = await mint(bearer(minter), { scopes: ["WRITE_OFFERS"], expiresInDays: 5 });
    expect(wider?.__typename).toBe("ForbiddenError");
    const unscoped = await mint(bearer(minter), { expiresInDays: 5 }); // "every scope" by default
    expect(unscoped?.__typename).toBe("ForbiddenError");
    const longer = await mint(bearer(minter), { scopes: ["READ"], expiresInDays: 30 });
    expect(longer?.__typename).toBe("ForbiddenError");
    expect(await count()).toBe(before);

    const within = successData(
      await mint(bearer(minter), { role: "VIEWER", scopes: ["READ"], expiresInDays: 5 }),
    );
    expect(within.apiToken).toMatchObject({ role: "VIEWER", scopes: ["READ"] });

    // A token holding only READ manages nothing, whatever its role.
    const reader = successData(await mint(ola, { scopes: ["READ"] })).token;
    expect((await mint(bearer(reader), { scopes: ["READ"], expiresInDays: 1 }))?.__typename).toBe(
      "ForbiddenError",
    );
    expect(await count()).toBe(before + 2);
  });
});
