import type { Database } from "@samspill/database";
import type { Plugin } from "graphql-yoga";
import type { Env, Hono } from "hono";
import type { Redis } from "ioredis";
import type { Logger } from "pino";
import type { GatewayEnv } from "../env.js";
import { authConfigFrom } from "./config.js";
import { useSessionCsrfGuard } from "./csrf.js";
import { type LocalProvider, startLocalProvider } from "./local-provider/provider.js";
import { createRelyingParty } from "./relying-party.js";
import { mountAuthRoutes } from "./routes.js";
import { createSessionStore } from "./sessions.js";
import { createViewerResolvers, type ResolveViewer } from "./viewer.js";

export { sessionCookieName } from "./cookies.js";
export { csrfHeaderName } from "./csrf.js";
export type { ResolveViewer } from "./viewer.js";

export interface AuthDeps {
  db: Database;
  redis: Redis;
  env: GatewayEnv;
  log: Logger;
}

export interface Auth {
  /** For createGateway: the caller of a request (session cookie or API token), or null. */
  resolveViewer: ResolveViewer;
  /** For createGateway: the caller looked up afresh, to re-check open subscriptions. */
  recheckViewer: ResolveViewer;
  /** For createGateway: refuses cookie-carrying GraphQL requests without the CSRF header. */
  yogaPlugins: Plugin[];
  /** Adds /auth/* (and /oidc/* with the demo provider) to the gateway's app. */
  routes<E extends Env>(app: Hono<E>): void;
  close(): Promise<void>;
}

/** Sign-in, sessions and API tokens for the gateway; see env.ts for the settings. */
export async function createAuth({ db, redis, env, log }: AuthDeps): Promise<Auth> {
  const config = authConfigFrom(env);
  const authLog = log.child({ component: "auth" });
  const sessions = createSessionStore(redis, config.keyPrefix, config.sessionLifetimes);
  const { resolveViewer, recheckViewer } = createViewerResolvers({
    db,
    sessions,
    cookieName: config.cookieNames.session,
  });
  const localProvider: LocalProvider | null = config.localProvider
    ? await startLocalProvider({ db, redis, config, log: authLog })
    : null;
  const relyingParty = config.issuer
    ? createRelyingParty(config, config.issuer, localProvider ? localProvider.fetch : undefined)
    : null;
  if (!relyingParty)
    authLog.warn(
      "sign-in is not configured: set OIDC_ISSUER (HelseID, ID-porten), or DEMO_SIGN_IN=on locally; API tokens still work",
    );
  return {
    resolveViewer,
    recheckViewer,
    yogaPlugins: [useSessionCsrfGuard(config.cookieNames.session)],
    routes: (app) =>
      mountAuthRoutes(app, {
        db,
        log: authLog,
        config,
        sessions,
        relyingParty,
        localProvider,
        resolveViewer,
      }),
    close: async () => {
      await localProvider?.close();
    },
  };
}
