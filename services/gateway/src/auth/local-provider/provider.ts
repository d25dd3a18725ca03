import { generateKeyPairSync, randomBytes } from "node:crypto";
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import type { Database } from "@samspill/database";
import type { Redis } from "ioredis";
import type { Configuration } from "oidc-provider";
import type { Logger } from "pino";
import type { AuthConfig } from "../config.js";
import { escapeHtml, htmlPage, messagePage } from "../pages.js";
import { type DemoIdentities, demoIdentities } from "./demo-identities.js";
import { interactionRoutes } from "./interactions.js";
import { redisAdapter } from "./redis-adapter.js";

// The embedded demo provider: a real, certified OpenID provider (oidc-provider) that knows the
// people in the database, so the demo and the tests sign in through the same code path as
// HelseID or ID-porten would.
//
// Why a loopback listener: oidc-provider is a koa app that needs node's request/response
// objects, while the gateway is a fetch-style hono app that tests drive with `app.fetch`
// without any server. So the provider listens on 127.0.0.1 on a free port, and the gateway
// forwards /oidc/* to it with X-Forwarded-Host/Proto set to the public issuer, so the URLs
// and cookie flags the provider produces are those the browser sees. The gateway's own
// back-channel calls (discovery, PAR, token, JWKS) go straight to the listener.

export interface LocalProvider {
  issuer: URL;
  /** Serves a browser request under the issuer's path (the hono route forwards here). */
  handle(request: Request): Promise<Response>;
  /** fetch for the relying party: requests to the issuer go to the listener directly. */
  fetch(url: string, init: RequestInit): Promise<Response>;
  close(): Promise<void>;
}

export async function startLocalProvider(deps: {
  db: Database;
  redis: Redis;
  config: AuthConfig;
  log: Logger;
}): Promise<LocalProvider> {
  const { db, redis, config, log } = deps;
  const issuer = config.issuer;
  if (!issuer) throw new Error("the local provider needs an issuer URL");
  const mountPath = issuer.pathname.replace(/\/$/, "");
  // Loaded only when enabled: deployments with HelseID or ID-porten never load it.
  const { default: ProviderClass } = await import("oidc-provider");
  const identities = demoIdentities(redis, config.keyPrefix);
  const provider = new ProviderClass(issuer.href.replace(/\/$/, ""), {
    ...providerConfiguration(db, config, mountPath, identities),
    adapter: redisAdapter(redis, config.keyPrefix),
  });
  provider.proxy = true;
  provider.use(
    interactionRoutes({ provider, db, log, mountPath, firstPartyClientId: config.clientId, identities }),
  );
  provider.on("server_error", (_ctx, error) =>
    log.error({ err: error }, "demo OpenID provider: server error"),
  );
  log.warn({ issuer: issuer.href }, "demo OpenID provider enabled: anyone can sign in as any demo user");

  const callback = provider.callback();
  const server = createServer((req, res) => {
    const url = req.url ?? "/";
    if (!url.startsWith(`${mountPath}/`)) {
      res.writeHead(404).end();
      return;
    }
    // oidc-provider works out its mount path from originalUrl vs url, as under express.
    (req as IncomingMessage & { originalUrl?: string }).originalUrl = url;
    req.url = url.slice(mountPath.length);
    void callback(req, res);
  });
  const port = await listen(server);
  const target = `http://127.0.0.1:${port}`;
  const forwarded = { "x-forwarded-host": issuer.host, "x-forwarded-proto": issuer.protocol.slice(0, -1) };

  return {
    issuer,
    async handle(request) {
      const url = new URL(request.url);
      const headers = new Headers(request.headers);
      for (const name of hopByHop) headers.delete(name);
      for (const [name, value] of Object.entries(forwarded)) headers.set(name, value);
      const hasBody = request.method !== "GET" && request.method !== "HEAD";
      const response = await fetch(`${target}${url.pathname}${url.search}`, {
        method: request.method,
        headers,
        body: hasBody ? await request.arrayBuffer() : undefined,
        redirect: "manual",
      });
      const out = new Headers(response.headers);
      for (const name of [...hopByHop, "content-encoding"]) out.delete(name);
      const empty = response.status === 204 || response.status === 304 || request.method === "HEAD";
      return new Response(empty ? null : response.body, { status: response.status, headers: out });
    },
    fetch(url, init) {
      const parsed = new URL(url);
      if (parsed.origin !== issuer.origin || !parsed.pathname.startsWith(`${mountPath}/`))
        return fetch(url, init);
      const headers = new Headers(init.headers);
      for (const [name, value] of Object.entries(forwarded)) headers.set(name, value);
      return fetch(`${target}${parsed.pathname}${parsed.search}`, { ...init, headers });
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

const hopByHop = [
  "host",
  "connection",
  "keep-alive",
  "transfer-encoding",
  "content-length",
  "upgrade",
  "expect",
];

function listen(server: Server): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve((server.address() as AddressInfo).port));
  });
}

function providerConfiguration(
  db: Database,
  config: AuthConfig,
  mountPath: string,
  identities: DemoIdentities,
): Configuration {
  return {
    clients: [
      {
        client_id: config.clientId,
        client_secret: config.clientSecret ?? undefined,
        client_name: "Samspill",
        redirect_uris: [config.redirectUri.href],
        post_logout_redirect_uris: [config.postLogoutRedirectUri.href],
        grant_types: ["authorization_code"],
        response_types: ["code"],
        token_endpoint_auth_method: "client_secret_basic",
      },
    ],
    async findAccount(_ctx, sub) {
      const person = await db.person.findUnique({
        where: { oidcSubject: sub },
        select: { name: true, email: true },
      });
      if (!person) {
        // A first sign-in (invitation): the made-up identity, with the name chosen for it.
        const name = await identities.nameOf(sub);
        return name ? { accountId: sub, claims: () => ({ sub, name }) } : undefined;
      }
      return {
        accountId: sub,
        claims: () => ({ sub, name: person.name, email: person.email, email_verified: false }),
      };
    },
    claims: { openid: ["sub"], profile: ["name"], email: ["email", "email_verified"] },
    // The ID token carries the name, as HelseID's does: a first sign-in's new person is named by it.
    conformIdTokenClaims: false,
    scopes: ["openid", "profile", "email"],
    // Fresh random keys per process unless OIDC_LOCAL_JWKS is set: for local use only.
    jwks: (config.localJwks ?? { keys: [developmentSigningKey()] }) as Configuration["jwks"],
    cookies: { keys: [randomBytes(32).toString("base64url")] },
    pkce: { required: () => true },
    clientBasedCORS: () => false,
    interactions: { url: (_ctx, interaction) => `${mountPath}/interaction/${interaction.uid}` },
    features: {
      devInteractions: { enabled: false },
      rpInitiatedLogout: {
        enabled: true,
        logoutSource: (ctx, form) => {
          ctx.type = "text/html; charset=utf-8";
          ctx.body = htmlPage(
            "Logg ut av Samspill (demo)",
            `<h1>Vil du også logge ut av demo-innloggingen?</h1>
<p>Du er logget ut av Samspill. Demo-innloggingen husker deg fortsatt.</p>
${form}
<div class="actions">
<button autofocus type="submit" class="primary" form="op.logoutForm" value="yes" name="logout">Ja, logg meg ut</button>
<button type="submit" class="secondary" form="op.logoutForm">Nei, bli husket</button>
</div>`,
          );
        },
        postLogoutSuccessSource: (ctx) => {
          ctx.type = "text/html; charset=utf-8";
          ctx.body = messagePage("Du er logget ut", "Du er logget ut av demo-innloggingen.", {
            href: config.postLogoutRedirectUri.href,
            text: "Tilbake til Samspill",
          });
        },
      },
    },
    renderError: (ctx, out) => {
      ctx.type = "text/html; charset=utf-8";
      ctx.body = htmlPage(
        "Innloggingen mislyktes",
        `<h1>Innloggingen mislyktes</h1>
<p>Demo-innloggingen kunne ikke fullføre forespørselen.</p>
<p><code>${escapeHtml(out.error)}</code>${out.error_description ? `: ${escapeHtml(out.error_description)}` : ""}</p>
<p><a href="${escapeHtml(config.publicUrl.href)}">Tilbake til Samspill</a></p>`,
      );
    },
    ttl: {
      AccessToken: 600,
      AuthorizationCode: 60,
      IdToken: 600,
      Interaction: 600,
      // The provider's own remembered sign-in; Samspill's session has its own lifetime.
      Session: 8 * 3600,
      Grant: 8 * 3600,
    },
  };
}

function developmentSigningKey(): JsonWebKey & { kid: string } {
  const { privateKey } = generateKeyPairSync("rsa", { modulusLength: 2048 });
  const jwk = privateKey.export({ format: "jwk" });
  return { ...jwk, kid: `samspill-local-dev-${Date.now().toString(36)}`, use: "sig", alg: "RS256" };
}
