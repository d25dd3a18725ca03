import { Navigate, type RouteObject } from "react-router";
import { AgreementLinkPage, RedirectWithId } from "./MailLinkPages.js";
import { SubscriptionsPage } from "./SubscriptionsPage.js";
import { UnsubscribePage } from "./UnsubscribePage.js";

/**
 * A person's own mail (/subscriptions), the confirmation page of a mail's unsubscribe link, and
 * the addresses mails link to (packages/mail/src/links.ts), the Norwegian ones of older mails
 * included. tests/integration/links checks every mail link against this table.
 */
export const subscriptionRoutes: RouteObject[] = [
  { path: "subscriptions", element: <SubscriptionsPage /> },
  { path: "subscriptions/unsubscribe", element: <UnsubscribePage /> },
  { path: "agreements/:id", element: <AgreementLinkPage /> },
  { path: "tilbud/:id", element: <RedirectWithId to={(id) => `/offers/${id}`} /> },
  { path: "avtaler/:id", element: <RedirectWithId to={(id) => `/agreements/${id}`} /> },
  { path: "abonnementer", element: <Navigate to="/subscriptions" replace /> },
];
