import type { RouteObject } from "react-router";
import { CreateOrganisationPage } from "./CreateOrganisationPage.js";
import { InvitationPage } from "./InvitationPage.js";
import { NoAccessPage } from "./NoAccessPage.js";
import { OrganisationAdminPage } from "./OrganisationAdminPage.js";
import { OrganisationsAdminPage } from "./OrganisationsAdminPage.js";

/**
 * Organisations and people: /admin/organisations (what the viewer administers; the regional
 * admin also creates organisations), one organisation's units, members and invitations, an
 * invitation mail's link (/invitations/<token>), and the page sign-in sends someone without a
 * role to (/no-access). The gateway's sign-in links to the last two (auth/first-sign-in.ts).
 */
export const organisationAdminRoutes: RouteObject[] = [
  { path: "admin/organisations", element: <OrganisationsAdminPage /> },
  { path: "admin/organisations/new", element: <CreateOrganisationPage /> },
  { path: "admin/organisations/:orgId", element: <OrganisationAdminPage /> },
  { path: "invitations/:token", element: <InvitationPage /> },
  { path: "no-access", element: <NoAccessPage /> },
];
