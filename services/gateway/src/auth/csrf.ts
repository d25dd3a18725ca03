import { createGraphQLError, type Plugin } from "graphql-yoga";
import { recordSecurityEvent } from "../security-events.js";
import { readCookie } from "./cookies.js";

export const csrfHeaderName = "x-samspill-csrf";

// A browser attaches the session cookie to every request to the gateway, including ones a
// foreign page triggers: form posts, links, images, `fetch` with credentials. A custom header
// is different: a page on another origin can only set it after a CORS preflight, and CORS
// admits WEB_ORIGIN alone. So a GraphQL request that carries the session cookie must also
// carry `x-samspill-csrf`, whatever its method and content type.
//
// This is stricter than yoga's useCSRFPrevention, which waives the header for JSON POSTs on the
// grounds that browsers preflight them; here safety does not hang on content-type rules or on
// the CORS configuration staying right. Requests without the cookie (API tokens, signed-out
// visitors) carry no ambient authority and need no header.
export function useSessionCsrfGuard(sessionCookieName: string): Plugin {
  return {
    onRequestParse({ request }) {
      if (request.headers.has(csrfHeaderName)) return;
      if (readCookie(request, sessionCookieName) === null) return;
      recordSecurityEvent("csrf_failed", "header-missing");
      throw createGraphQLError(`Requests with a session cookie must send the ${csrfHeaderName} header`, {
        extensions: { code: "CSRF_HEADER_MISSING", http: { status: 403 } },
      });
    },
  };
}
