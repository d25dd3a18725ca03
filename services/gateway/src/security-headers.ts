import type { MiddlewareHandler } from "hono";
import { secureHeaders } from "hono/secure-headers";

// Security headers on every response of the gateway: GraphQL answers, exports, calendar files,
// the sign-in pages, 404s and error pages alike (hono's maintained secureHeaders middleware,
// applied after the handler, so a thrown error's response gets them too).
//
// The gateway's own HTML (sign-in pages, the demo provider, the queue dashboard) loads scripts,
// styles and images from its own origin only; the sign-in pages carry their styles inline.
// Nothing may frame it. HSTS is ignored by browsers on plain http, so local use is unaffected.

export const gatewayContentSecurityPolicy = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'", "'unsafe-inline'"],
  imgSrc: ["'self'", "data:"],
  fontSrc: ["'self'"],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  frameAncestors: ["'none'"],
};

export function securityHeaders(): MiddlewareHandler {
  return secureHeaders({
    contentSecurityPolicy: gatewayContentSecurityPolicy,
    strictTransportSecurity: "max-age=31536000; includeSubDomains",
    referrerPolicy: "no-referrer",
    xFrameOptions: "DENY",
    // A route that sets a policy of its own (GraphiQL in development) keeps it.
    overwrite: false,
  });
}

/**
 * GraphiQL, served outside production only, is a page of inline and remotely hosted scripts;
 * it gets a policy that lets it run, still without framing.
 */
export function graphiqlPolicy(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    if (!(c.res.headers.get("content-type") ?? "").startsWith("text/html")) return;
    c.res.headers.set(
      "Content-Security-Policy",
      "default-src 'self' https:; script-src 'self' 'unsafe-inline' https:; style-src 'self' 'unsafe-inline' https:; img-src 'self' data: https:; frame-ancestors 'none'; base-uri 'none'",
    );
  };
}

/**
 * The embeddable offer list (/embed/*) is meant to sit in an iframe on a municipality's own web
 * site: any site may frame it. Applied outside securityHeaders, so its other headers stay and only
 * the framing rules change.
 */
export function embeddablePolicy(): MiddlewareHandler {
  return async (c, next) => {
    await next();
    c.res.headers.delete("X-Frame-Options");
    c.res.headers.set(
      "Content-Security-Policy",
      "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors *",
    );
  };
}
