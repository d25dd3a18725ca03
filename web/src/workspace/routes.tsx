import type { RouteObject } from "react-router";
import { AgreementCreatePage, AgreementEditPage } from "./agreements/AgreementEditorPage.js";
import { AgreementsPage } from "./agreements/AgreementsPage.js";
import { MeetingCreatePage, MeetingEditPage } from "./meetings/MeetingEditorPage.js";
import { MeetingsPage } from "./meetings/MeetingsPage.js";
import { OfferCreatePage, OfferEditPage } from "./OfferEditorPage.js";
import { OrganisationOffersPage } from "./OrganisationOffersPage.js";
import { WorkspaceHome } from "./WorkspaceHome.js";

/**
 * The signed-in organisation workspace: /workspace lists the person's organisations; under
 * /workspace/<organisation id> are its offers (with sessions), agreements and meeting points.
 */
export const workspaceRoutes: RouteObject[] = [
  { path: "workspace", element: <WorkspaceHome /> },
  { path: "workspace/:orgId", element: <OrganisationOffersPage /> },
  { path: "workspace/:orgId/offers/new", element: <OfferCreatePage /> },
  { path: "workspace/:orgId/offers/:offerId", element: <OfferEditPage /> },
  { path: "workspace/:orgId/agreements", element: <AgreementsPage /> },
  { path: "workspace/:orgId/agreements/new", element: <AgreementCreatePage /> },
  { path: "workspace/:orgId/agreements/:agreementId", element: <AgreementEditPage /> },
  { path: "workspace/:orgId/meetings", element: <MeetingsPage /> },
  { path: "workspace/:orgId/meetings/new", element: <MeetingCreatePage /> },
  { path: "workspace/:orgId/meetings/:meetingId", element: <MeetingEditPage /> },
];
