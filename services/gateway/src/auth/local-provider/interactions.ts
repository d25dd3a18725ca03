import type { IncomingMessage } from "node:http";
import type { Database } from "@samspill/database";
import type { default as Provider } from "oidc-provider";
import type { Logger } from "pino";
import { messagePage } from "../pages.js";
import { type DemoIdentities, newIdentityChoice } from "./demo-identities.js";
import { loadDemoUsers, loginPage } from "./login-page.js";

type Middleware = Parameters<Provider["use"]>[0];
type KoaContext = Parameters<Middleware>[0];

export interface InteractionDeps {
  provider: Provider;
  db: Database;
  log: Logger;
  mountPath: string;
  /** The only client whose consent is granted without asking: the gateway itself. */
  firstPartyClientId: string;
  identities: DemoIdentities;
}

/**
 * The provider's login and consent steps, as koa middleware in front of oidc-provider.
 * The interaction is bound to the provider's `_interaction` cookie (SameSite=Lax, scoped to
 * this path), so a foreign page cannot post a login into someone else's interaction.
 */
export function interactionRoutes({
  provider,
  db,
  log,
  mountPath,
  firstPartyClientId,
  identities,
}: InteractionDeps): Middleware {
  return async (ctx, next) => {
    const match = /^\/interaction\/([A-Za-z0-9_-]+)(?:\/(login|abort))?$/.exec(ctx.path);
    if (!match) return next();
    const [, uid, step] = match;
    ctx.set("cache-control", "no-store");
    try {
      const details = await provider.interactionDetails(ctx.req, ctx.res);
      if (details.uid !== uid) return render(ctx, 400, expiredPage());
      const base = `${mountPath}/interaction/${uid}`;

      if (ctx.method === "GET" && !step) {
        if (details.prompt.name === "login") {
          const users = await loadDemoUsers(db);
          return render(
            ctx,
            200,
            loginPage({ action: `${base}/login`, abortAction: `${base}/abort`, users }),
          );
        }
        if (details.prompt.name === "consent" && details.params.client_id === firstPartyClientId) {
          return redirect(ctx, await grantConsent(provider, ctx, details));
        }
        return render(
          ctx,
          403,
          messagePage("Ikke tillatt", "Denne tjenesten kan ikke logge inn med demobrukere."),
        );
      }

      if (ctx.method === "POST" && step === "abort") {
        const returnTo = await provider.interactionResult(ctx.req, ctx.res, {
          error: "access_denied",
          error_description: "Innloggingen ble avbrutt",
        });
        return redirect(ctx, returnTo);
      }

      if (ctx.method === "POST" && step === "login") {
        const form = await readForm(ctx.req);
        const chosen = form.get("subject") ?? "";
        const newName = (form.get("newName") ?? "").trim().slice(0, 200);
        const subject =
          chosen === newIdentityChoice ? (newName ? await identities.create(newName) : "") : chosen;
        const person = subject ? await db.person.findUnique({ where: { oidcSubject: subject } }) : null;
        if (!person && chosen !== newIdentityChoice) {
          const users = await loadDemoUsers(db);
          const error = subject
            ? "Fant ikke den valgte brukeren. Velg en annen."
            : "Velg en bruker før du logger inn.";
          return render(
            ctx,
            400,
            loginPage({ action: `${base}/login`, abortAction: `${base}/abort`, users, error }),
          );
        }
        if (!subject) {
          const users = await loadDemoUsers(db);
          const error = "Skriv navnet til den nye demobrukeren.";
          return render(
            ctx,
            400,
            loginPage({
              action: `${base}/login`,
              abortAction: `${base}/abort`,
              users,
              error,
              selected: chosen,
            }),
          );
        }
        const returnTo = await provider.interactionResult(
          ctx.req,
          ctx.res,
          { login: { accountId: subject, amr: ["demo"] } },
          { mergeWithLastSubmission: false },
        );
        return redirect(ctx, returnTo);
      }
      return render(ctx, 405, messagePage("Ugyldig forespørsel", "Denne siden støtter ikke forespørselen."));
    } catch (error) {
      if ((error as { name?: string }).name === "SessionNotFound") return render(ctx, 400, expiredPage());
      log.error({ err: error }, "demo OpenID provider: interaction failed");
      return render(ctx, 500, messagePage("Noe gikk galt", "Innloggingen kunne ikke fullføres. Prøv igjen."));
    }
  };
}

type Interaction = Awaited<ReturnType<Provider["interactionDetails"]>>;

/** Grants what the first-party client asked for, as a consent screen would on "yes". */
async function grantConsent(provider: Provider, ctx: KoaContext, details: Interaction): Promise<string> {
  const accountId = details.session?.accountId;
  const clientId = String(details.params.client_id);
  const grant = details.grantId
    ? await provider.Grant.find(details.grantId)
    : new provider.Grant({ accountId, clientId });
  if (!grant) throw new Error("grant not found");
  const missing = details.prompt.details as {
    missingOIDCScope?: string[];
    missingOIDCClaims?: string[];
    missingResourceScopes?: Record<string, string[]>;
  };
  if (missing.missingOIDCScope) grant.addOIDCScope(missing.missingOIDCScope.join(" "));
  if (missing.missingOIDCClaims) grant.addOIDCClaims(missing.missingOIDCClaims);
  for (const [indicator, scopes] of Object.entries(missing.missingResourceScopes ?? {})) {
    grant.addResourceScope(indicator, scopes.join(" "));
  }
  const grantId = await grant.save();
  return provider.interactionResult(
    ctx.req,
    ctx.res,
    { consent: details.grantId ? {} : { grantId } },
    { mergeWithLastSubmission: true },
  );
}

function render(ctx: KoaContext, status: number, html: string): void {
  ctx.status = status;
  ctx.type = "text/html; charset=utf-8";
  ctx.body = html;
}

function redirect(ctx: KoaContext, location: string): void {
  ctx.status = 303;
  ctx.redirect(location);
}

function expiredPage(): string {
  return messagePage(
    "Innloggingen er utløpt",
    "Innloggingen tok for lang tid eller ble startet i en annen fane. Gå tilbake til Samspill og logg inn på nytt.",
  );
}

async function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > 16_384) throw new Error("form too large");
    chunks.push(chunk as Buffer);
  }
  return new URLSearchParams(Buffer.concat(chunks).toString("utf8"));
}
