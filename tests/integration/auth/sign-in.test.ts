import type { Database } from "@samspill/database";
import { graphql } from "@samspill/graphql";
import { seedDemoData } from "@samspill/seed";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { testDatabase } from "../../support/db.js";
import {
  CookieJar,
  createSignInGateway,
  followRedirects,
  postGraphQL,
  type SignInGateway,
  send,
  signIn,
  signInAs,
  testOrigin,
} from "../../support/sign-in.js";

let db: Database;
let gateway: SignInGateway;

beforeAll(async () => {
  db = testDatabase();
  await seedDemoData(db);
  gateway = await createSignInGateway(db);
});
afterAll(async () => {
  await gateway.close();
  await db.$disconnect();
});

const me = (headers: Record<string, string>) =>
  gateway.app.fetch(new Request(`${testOrigin}/auth/me`, { headers }));

describe("sign-in through the demo OpenID provider", () => {
  it("walks Kari from /auth/login through the provider's pages to a session cookie", async () => {
    const jar = new CookieJar();
    const app = gateway.app;

    const login = await send(app, jar, "/auth/login?returnTo=%2Ftilbud%3Fkommune%3D1506");
    expect(login.status).toBe(302);
    const authorize = new URL(login.headers.get("location") ?? "");
    expect(`${authorize.origin}${authorize.pathname}`).toBe(`${testOrigin}/oidc/auth`);
    // Pushed authorization request: the browser carries only a reference to the parameters.
    expect(authorize.searchParams.get("request_uri")).toMatch(/^urn:ietf:params:oauth:request_uri:/);
    expect(jar.get("samspill_login")).toBeTruthy();

    const toPage = await followRedirects(app, jar, login, "/auth/login");
    expect(toPage.url.pathname).toMatch(/^\/oidc\/interaction\/[\w-]+$/);
    expect(toPage.response.status).toBe(200);
    expect(toPage.response.headers.get("content-type")).toMatch(/text\/html/);
    const page = await toPage.response.text();
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain("<h1>Logg inn i Samspill (demo)</h1>");
    expect(page).toMatch(/<legend>Velg hvem du vil logge inn som<\/legend>/);
    expect(page).toMatch(
      /<label for="bruker-\d+"><input type="radio" id="bruker-\d+" name="subject" value="demo-kari"/,
    );
    expect(page).toContain("Kari Nordmann");
    expect(page).toContain("Molde kommune (redaktør) – Leder, Frisklivssentralen");
    expect(page).toContain('<button type="submit" class="primary">Logg inn</button>');
    // Self-contained: no scripts, stylesheets, images or fonts from anywhere.
    expect(page).not.toMatch(/<script|<link|<img|src=|@import|url\(/i);

    const action = new URL(/<form method="post" action="([^"]+)"/.exec(page)?.[1] ?? "", toPage.url);
    const posted = await send(app, jar, action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "subject=demo-kari",
    });
    expect(posted.status).toBe(303);

    const done = await followRedirects(app, jar, posted, action);
    expect(done.url.pathname).toBe("/auth/callback");
    expect(done.url.searchParams.get("code")).toBeTruthy();
    expect(done.response.status).toBe(303);
    expect(done.response.headers.get("location")).toBe("/tilbud?kommune=1506");
    const setCookie = done.response.headers.getSetCookie().find((c) => c.startsWith("samspill_session="));
    expect(setCookie).toMatch(/HttpOnly/);
    expect(setCookie).toMatch(/SameSite=Lax/);
    expect(setCookie).toMatch(/Path=\//);
    expect(setCookie).not.toMatch(/Secure/); // the test origin is plain http
    expect(jar.get("samspill_login")).toBeUndefined();

    const response = await me({ cookie: `samspill_session=${jar.get("samspill_session")}` });
    expect(response.status).toBe(200);
    const body = (await response.json()) as { kind: string; name: string; memberships: unknown[] };
    expect(body.kind).toBe("PERSON");
    expect(body.name).toBe("Kari Nordmann");
    expect(body.memberships).toEqual([
      expect.objectContaining({
        organisationName: "Molde kommune",
        organisationKind: "MUNICIPALITY",
        role: "EDITOR",
      }),
    ]);
  });

  it("lists every membership of a person with several (Lise: trust and health community)", async () => {
    const headers = await signIn(gateway.app, "demo-lise");
    const body = (await (await me(headers)).json()) as {
      memberships: { organisationName: string; role: string }[];
    };
    expect(body.memberships.map((m) => `${m.organisationName}:${m.role}`).sort()).toEqual([
      "Helse Møre og Romsdal HF:EDITOR",
      "Helsefellesskapet Møre og Romsdal:FORUM_MEMBER",
    ]);
  });

  it("answers GraphQL with the cookie and the CSRF header, and refuses the cookie without the header", async () => {
    const headers = await signIn(gateway.app, "demo-ola");
    const molde = await db.organisation.findUniqueOrThrow({ where: { name: "Molde kommune" } });
    const query = graphql("query ($org: ID!) { apiTokens(organisationId: $org) { id } }");

    const ok = await postGraphQL(gateway.app, query, { org: molde.id }, headers);
    expect(ok.status).toBe(200);
    expect(ok.errors).toBeUndefined();
    expect(ok.data).toEqual({ apiTokens: expect.any(Array) });

    const { cookie } = headers;
    const refused = await postGraphQL(gateway.app, query, { org: molde.id }, { cookie: cookie ?? "" });
    expect(refused.status).toBe(403);
    expect(refused.data).toBeUndefined();
    expect(refused.errors?.[0]?.extensions?.code).toBe("CSRF_HEADER_MISSING");

    // Public fields too: the guard is about the cookie, not about what is asked.
    const form = await gateway.app.fetch(
      new Request(`${testOrigin}/graphql`, {
        method: "POST",
        headers: { cookie: cookie ?? "", "content-type": "application/x-www-form-urlencoded" },
        body: `query=${encodeURIComponent("{ health { ok } }")}`,
      }),
    );
    expect(form.status).toBe(403);

    const signedOut = await postGraphQL(gateway.app, query, { org: molde.id });
    expect(signedOut.data).toBeNull();
    expect(signedOut.errors?.[0]?.message).toMatch(/not authorized/i);
  });

  it("only returns to relative paths on the same origin", async () => {
    for (const evil of ["//evil.example/", "https://evil.example/", "/\\evil.example"]) {
      const { location } = await signInAs(gateway.app, "demo-kari", evil);
      expect(location).toBe("/");
    }
  });

  it("re-shows the page with an alert when no known user is chosen", async () => {
    const jar = new CookieJar();
    const toPage = await followRedirects(
      gateway.app,
      jar,
      await send(gateway.app, jar, "/auth/login"),
      "/auth/login",
    );
    const page = await toPage.response.text();
    const action = new URL(/<form method="post" action="([^"]+)"/.exec(page)?.[1] ?? "", toPage.url);
    const response = await send(gateway.app, jar, action, {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: "subject=demo-nobody",
    });
    expect(response.status).toBe(400);
    const again = await response.text();
    expect(again).toContain('role="alert"');
    expect(again).toContain("Fant ikke den valgte brukeren");
    expect(jar.get("samspill_session")).toBeUndefined();
  });

  it("goes back signed out when the person cancels at the provider", async () => {
    const jar = new CookieJar();
    const toPage = await followRedirects(
      gateway.app,
      jar,
      await send(gateway.app, jar, "/auth/login?returnTo=/tilbud"),
      "/auth/login",
    );
    const page = await toPage.response.text();
    const abort = new URL(/formaction="([^"]+)"/.exec(page)?.[1] ?? "", toPage.url);
    const done = await followRedirects(
      gateway.app,
      jar,
      await send(gateway.app, jar, abort, { method: "POST" }),
      abort,
    );
    expect(done.url.pathname).toBe("/auth/callback");
    expect(done.response.headers.get("location")).toBe("/tilbud");
    expect(jar.get("samspill_session")).toBeUndefined();
  });

  it("refuses a callback that no sign-in on this browser started", async () => {
    const response = await send(gateway.app, new CookieJar(), "/auth/callback?code=abc&state=def");
    expect(response.status).toBe(400);
    expect(await response.text()).toContain("Innloggingen er utløpt");
  });

  it("answers that page in nynorsk or English when the browser asks for it, bokmål otherwise", async () => {
    const page = async (acceptLanguage: string) => {
      const response = await send(gateway.app, new CookieJar(), "/auth/callback?code=abc&state=def", {
        headers: { "accept-language": acceptLanguage },
      });
      expect(response.status).toBe(400);
      return response.text();
    };
    const nynorsk = await page("nn-NO,nn;q=0.9,nb;q=0.5");
    expect(nynorsk).toContain('<html lang="nn">');
    expect(nynorsk).toContain("Innlogginga har gått ut");
    const english = await page("en-GB,en;q=0.9");
    expect(english).toContain('<html lang="en">');
    expect(english).toContain("The sign-in has expired");
    expect(english).toContain("Sign in again");
    const swedish = await page("sv-SE");
    expect(swedish).toContain('<html lang="nb">');
    expect(swedish).toContain("Innloggingen er utløpt");
  });
});

describe("sessions", () => {
  it("sign-out revokes the session: the old cookie no longer works anywhere", async () => {
    const { headers, sessionId } = await signInAs(gateway.app, "demo-kari");
    expect((await me(headers)).status).toBe(200);
    const keys = await gateway.redis.keys(`{${gateway.env.QUEUE_PREFIX}}:session:*`);
    expect(keys.length).toBeGreaterThan(0);
    // Redis holds a digest of the id, never the id the cookie carries.
    expect(keys.some((k) => k.includes(sessionId))).toBe(false);

    const jar = new CookieJar();
    const logout = await gateway.app.fetch(
      new Request(`${testOrigin}/auth/logout`, { method: "POST", headers }),
    );
    jar.store(logout);
    expect(logout.status).toBe(303);
    expect(logout.headers.getSetCookie().find((c) => c.startsWith("samspill_session="))).toMatch(/Max-Age=0/);
    // RP-initiated logout: on to the provider's end-session endpoint with the ID token as hint.
    const endSession = new URL(logout.headers.get("location") ?? "");
    expect(`${endSession.origin}${endSession.pathname}`).toBe(`${testOrigin}/oidc/session/end`);
    expect(endSession.searchParams.get("id_token_hint")).toBeTruthy();
    expect(endSession.searchParams.get("post_logout_redirect_uri")).toBe(`${testOrigin}/`);

    expect((await me(headers)).status).toBe(401);
    const molde = await db.organisation.findUniqueOrThrow({ where: { name: "Molde kommune" } });
    const after = await postGraphQL(
      gateway.app,
      graphql("query ($o: ID!) { apiTokens(organisationId: $o) { id } }"),
      {
        o: molde.id,
      },
    );
    expect(after.errors?.[0]?.message).toMatch(/not authorized/i);

    // Another gateway instance on the same Redis agrees: the session is gone for all.
    const other = await createSignInGateway(db);
    try {
      const response = await other.app.fetch(new Request(`${testOrigin}/auth/me`, { headers }));
      expect(response.status).toBe(401);
    } finally {
      await other.close();
    }
  });

  it("signs out at the provider too, on a Norwegian page, and returns to Samspill", async () => {
    const { headers, jar } = await signInAs(gateway.app, "demo-ingrid");
    const logout = await gateway.app.fetch(
      new Request(`${testOrigin}/auth/logout`, {
        method: "POST",
        headers: { ...headers, accept: "application/json" },
      }),
    );
    expect(logout.status).toBe(200);
    const { signedOut, redirectTo } = (await logout.json()) as { signedOut: boolean; redirectTo: string };
    expect(signedOut).toBe(true);

    const confirm = await send(gateway.app, jar, redirectTo);
    expect(confirm.status).toBe(200);
    const page = await confirm.text();
    expect(page).toContain('<html lang="nb">');
    expect(page).toContain('name="logout">Ja, logg meg ut</button>');
    expect(page).not.toMatch(/<script|<link|@import|url\(/i);

    const form = /<form[^>]*action="([^"]+)"[^>]*>([\s\S]*?)<\/form>/.exec(page);
    const fields = new URLSearchParams({ logout: "yes" });
    for (const [, name, value] of (form?.[2] ?? "").matchAll(/name="([^"]+)" value="([^"]*)"/g)) {
      fields.set(name ?? "", value ?? "");
    }
    const done = await send(gateway.app, jar, form?.[1] ?? "", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: fields.toString(),
    });
    expect(done.status).toBe(303);
    expect(done.headers.get("location")).toBe(`${testOrigin}/`);

    // The provider forgot Ingrid: the next sign-in asks who you are again.
    const again = await followRedirects(
      gateway.app,
      jar,
      await send(gateway.app, jar, "/auth/login"),
      "/auth/login",
    );
    expect(again.response.status).toBe(200);
    expect(await again.response.text()).toContain("Logg inn i Samspill (demo)");
  });

  it("a session shared by two gateway instances signs in on one and is seen by the other", async () => {
    const headers = await signIn(gateway.app, "demo-per");
    const other = await createSignInGateway(db);
    try {
      const response = await other.app.fetch(new Request(`${testOrigin}/auth/me`, { headers }));
      expect(response.status).toBe(200);
      expect(((await response.json()) as { name: string }).name).toBe("Per Solberg");
    } finally {
      await other.close();
    }
  });

  it("treats forged and malformed cookies as signed out", async () => {
    const forged = "A".repeat(43);
    expect((await me({ cookie: `samspill_session=${forged}` })).status).toBe(401);
    expect((await me({ cookie: "samspill_session=../../etc/passwd" })).status).toBe(401);
    expect((await me({ cookie: "samspill_session=" })).status).toBe(401);
    expect((await me({})).status).toBe(401);
  });

  it("expires an idle session after its time to live, and each use extends it", async () => {
    const shortLived = await createSignInGateway(db, { SESSION_TTL_SECONDS: "2" });
    try {
      const headers = await signIn(shortLived.app, "demo-kari");
      const ask = () => shortLived.app.fetch(new Request(`${testOrigin}/auth/me`, { headers }));
      await sleep(1_200);
      expect((await ask()).status).toBe(200);
      await sleep(1_200); // 2.4 s after sign-in, but only 1.2 s idle
      expect((await ask()).status).toBe(200);
      await sleep(2_500);
      expect((await ask()).status).toBe(401);
    } finally {
      await shortLived.close();
    }
  });
});

function sleep(ms: number) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
