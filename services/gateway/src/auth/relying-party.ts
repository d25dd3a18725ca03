import { webcrypto } from "node:crypto";
import * as oidc from "openid-client";
import type { AuthConfig } from "./config.js";
import type { LoginFlow } from "./sessions.js";

// The gateway as an OpenID Connect relying party (openid-client, the certified client):
// authorization code flow with PKCE (S256), state and nonce; pushed authorization requests
// when the provider offers them (HelseID requires them); private_key_jwt or a client secret.

export interface RelyingParty {
  /** The provider URL to send the browser to, and what the callback must check. */
  begin(returnTo: string): Promise<{ authorizationUrl: URL; flow: LoginFlow }>;
  /** Checks the provider's answer and redeems the code: the verified subject and ID token. */
  complete(callbackUrl: URL, flow: LoginFlow): Promise<VerifiedSignIn>;
  /** Where to sign out at the provider too (RP-initiated logout), or null if it has no such endpoint. */
  endSessionUrl(idToken: string | null): Promise<URL | null>;
}

/** What the provider vouched for; name and address only when it tells them (they seed a new person). */
export interface VerifiedSignIn {
  subject: string;
  idToken: string | null;
  name: string | null;
  email: string | null;
}

export type RelyingPartyFetch = (url: string, init: RequestInit) => Promise<Response>;

export function createRelyingParty(
  config: AuthConfig,
  issuer: URL,
  customFetch?: RelyingPartyFetch,
): RelyingParty {
  let discovered: Promise<oidc.Configuration> | null = null;
  // Discovered on first use and kept; a failed discovery is retried on the next sign-in.
  const configuration = () => {
    discovered ??= discover(config, issuer, customFetch).catch((error: unknown) => {
      discovered = null;
      throw error;
    });
    return discovered;
  };

  return {
    async begin(returnTo) {
      const client = await configuration();
      const codeVerifier = oidc.randomPKCECodeVerifier();
      const flow: LoginFlow = {
        state: oidc.randomState(),
        nonce: oidc.randomNonce(),
        codeVerifier,
        returnTo,
      };
      const parameters: Record<string, string> = {
        redirect_uri: config.redirectUri.href,
        scope: config.scopes,
        code_challenge: await oidc.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: "S256",
        state: flow.state,
        nonce: flow.nonce,
      };
      if (config.acrValues) parameters.acr_values = config.acrValues;
      const authorizationUrl = client.serverMetadata().pushed_authorization_request_endpoint
        ? await oidc.buildAuthorizationUrlWithPAR(client, parameters)
        : oidc.buildAuthorizationUrl(client, parameters);
      return { authorizationUrl, flow };
    },

    async complete(callbackUrl, flow) {
      const client = await configuration();
      // The registered redirect URI, not the URL as it reached us through proxies.
      const current = new URL(config.redirectUri);
      current.search = callbackUrl.search;
      const tokens = await oidc.authorizationCodeGrant(client, current, {
        pkceCodeVerifier: flow.codeVerifier,
        expectedState: flow.state,
        expectedNonce: flow.nonce,
        idTokenExpected: true,
      });
      const claims = tokens.claims();
      if (!claims?.sub) throw new Error("the provider returned no subject");
      const text = (value: unknown) => (typeof value === "string" && value.trim() ? value.trim() : null);
      return {
        subject: claims.sub,
        idToken: tokens.id_token ?? null,
        name: text(claims.name),
        email: text(claims.email),
      };
    },

    async endSessionUrl(idToken) {
      const client = await configuration();
      if (!client.serverMetadata().end_session_endpoint) return null;
      const parameters: Record<string, string> = {
        post_logout_redirect_uri: config.postLogoutRedirectUri.href,
        client_id: config.clientId,
      };
      if (idToken) parameters.id_token_hint = idToken;
      return oidc.buildEndSessionUrl(client, parameters);
    },
  };
}

async function discover(config: AuthConfig, issuer: URL, customFetch?: RelyingPartyFetch) {
  const options: oidc.DiscoveryRequestOptions = {};
  if (issuer.protocol === "http:") {
    if (!config.allowInsecureIssuer)
      throw new Error(`refusing a plain-http OpenID issuer in production: ${issuer}`);
    options.execute = [oidc.allowInsecureRequests];
  }
  if (customFetch) options[oidc.customFetch] = customFetch as oidc.CustomFetch;
  const clientAuth = config.clientPrivateJwk
    ? oidc.PrivateKeyJwt(await importSigningKey(config.clientPrivateJwk))
    : config.clientSecret
      ? oidc.ClientSecretBasic(config.clientSecret)
      : oidc.None();
  return oidc.discovery(issuer, config.clientId, undefined, clientAuth, options);
}

const signingAlgorithms: Record<string, RsaHashedImportParams | EcKeyImportParams> = {
  RS256: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-256" },
  RS384: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-384" },
  RS512: { name: "RSASSA-PKCS1-v1_5", hash: "SHA-512" },
  PS256: { name: "RSA-PSS", hash: "SHA-256" },
  PS384: { name: "RSA-PSS", hash: "SHA-384" },
  PS512: { name: "RSA-PSS", hash: "SHA-512" },
  ES256: { name: "ECDSA", namedCurve: "P-256" },
  ES384: { name: "ECDSA", namedCurve: "P-384" },
  ES512: { name: "ECDSA", namedCurve: "P-521" },
};

/** The client's private JWK as a signing key; `alg` picks the algorithm (RS256 by default). */
async function importSigningKey(jwk: JsonWebKey & { kid?: string }) {
  const alg =
    jwk.alg ??
    (jwk.kty === "EC" ? { "P-256": "ES256", "P-384": "ES384", "P-521": "ES512" }[jwk.crv ?? ""] : "RS256");
  const params = alg ? signingAlgorithms[alg] : undefined;
  if (!params) throw new Error(`OIDC_CLIENT_PRIVATE_JWK: unsupported algorithm ${alg ?? jwk.kty}`);
  const key = await webcrypto.subtle.importKey("jwk", jwk, params, false, ["sign"]);
  return { key, kid: jwk.kid };
}
