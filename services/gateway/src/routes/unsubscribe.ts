import { unitOf, unsubscribeByLink } from "@samspill/commands";
import type { Database } from "@samspill/database";
import { NotFoundError } from "@samspill/domain";
import { verifyUnsubscribeToken } from "@samspill/events/mail-links";
import type { Hono } from "hono";
import { bodyLimit } from "hono/body-limit";
import type { Logger } from "pino";

// The one-click unsubscribe of every summary and reminder mail (RFC 8058). Its URL is the
// mail's `List-Unsubscribe` header; mail clients POST `List-Unsubscribe=One-Click` to it with
// no cookies, so it needs no sign-in: the token (HMAC under MAIL_LINK_SECRET, signed by the
// worker) is the authority and names the person and the kind of mail. A token that is not one
// answers 400, one whose signature does not match 403; nothing is changed by either.
//
// A GET (someone opening the header's URL in a browser) changes nothing either: it leads to
// the web app's confirmation page, whose button makes the POST. Link scanners only GET.

export interface UnsubscribeRouteDeps {
  db: Database;
  /** The web app's public origin, for the confirmation page. */
  publicUrl: string;
  secret: string;
}

const refusal = { malformed: "Not an unsubscribe link", forged: "This unsubscribe link is not valid" };

/** The gateway's app (app.ts), whose first middleware sets each request's id. */
type GatewayApp = Hono<{ Variables: { requestId: string; log: Logger } }>;

export function registerUnsubscribeRoute(app: GatewayApp, deps: UnsubscribeRouteDeps): void {
  app.post("/unsubscribe", bodyLimit({ maxSize: 4096 }), async (c) => {
    const check = verifyUnsubscribeToken(deps.secret, c.req.query("token"));
    if (!check.ok) {
      const status = check.reason === "malformed" ? 400 : 403;
      return c.json({ ok: false, error: check.reason, message: refusal[check.reason] }, status);
    }
    try {
      await unsubscribeByLink(unitOf(deps.db, c.get("requestId")), check.claim);
    } catch (error) {
      if (error instanceof NotFoundError) {
        return c.json({ ok: false, error: "gone", message: "The recipient no longer exists" }, 404);
      }
      throw error;
    }
    return c.json({ ok: true, kind: check.claim.kind });
  });
  app.get("/unsubscribe", (c) => {
    const token = c.req.query("token") ?? "";
    const page = `${deps.publicUrl.replace(/\/+$/, "")}/subscriptions/unsubscribe?token=${encodeURIComponent(token)}`;
    return c.redirect(page, 303);
  });
}
