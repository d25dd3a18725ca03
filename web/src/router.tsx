import { createBrowserRouter, type RouteObject } from "react-router";
import { ActionPlansPage } from "./action-plans/ActionPlansPage.js";
import { MailPage } from "./admin/MailPage.js";
import { CataloguePage } from "./catalogue/CataloguePage.js";
import { courseRoutes } from "./courses/routes.js";
import { forumFlagRoutes } from "./forum-flags/routes.js";
import { importRoutes } from "./import/routes.js";
import { Layout } from "./layout/Layout.js";
import { RouteError } from "./layout/RouteError.js";
import { OfferPage } from "./offer/OfferPage.js";
import { OfferPrintPage } from "./offer/OfferPrintPage.js";
import { organisationAdminRoutes } from "./organisation-admin/routes.js";
import { CrossedOverviewPage } from "./overview/crossed/CrossedOverviewPage.js";
import { OverviewPage } from "./overview/OverviewPage.js";
import { NotFoundPage } from "./pages/NotFoundPage.js";
import { OrganisationsPage } from "./pages/OrganisationsPage.js";
import { participationRoutes } from "./participation/routes.js";
import { signUpRoutes } from "./sign-up/routes.js";
import { subscriptionRoutes } from "./subscriptions/routes.js";
import { workspaceRoutes } from "./workspace/routes.js";

// React Router (data mode: createBrowserRouter + RouterProvider). It is the most widely used
// and longest-maintained React router, its data mode gives error boundaries per route and
// search-param state without a build plugin, and the pages fetch through urql themselves, so
// file-based or type-generated routing (framework mode, TanStack Router) would add tooling
// without adding anything the app uses.
//
// Paths are part of the hub's public contract: the open-format exports link to
// /offers/<id>, so that path stays. The joint overview (/overview), participation reporting
// (/participation), action plans (/action-plans) and mail (/admin/mail) are added as children
// here, each with its entry in navigation.ts.
export const routes: RouteObject[] = [
  {
    path: "/",
    element: <Layout />,
    errorElement: <RouteError />,
    children: [
      { index: true, element: <CataloguePage /> },
      { path: "offers/:id", element: <OfferPage /> },
      { path: "offers/:id/print", element: <OfferPrintPage /> },
      { path: "organisations", element: <OrganisationsPage /> },
      { path: "overview", element: <OverviewPage /> },
      { path: "overview/crossed", element: <CrossedOverviewPage /> },
      { path: "action-plans", element: <ActionPlansPage /> },
      { path: "admin/mail", element: <MailPage /> },
      ...workspaceRoutes,
      ...forumFlagRoutes,
      ...participationRoutes,
      ...importRoutes,
      ...subscriptionRoutes,
      ...courseRoutes,
      ...signUpRoutes,
      ...organisationAdminRoutes,
      { path: "*", element: <NotFoundPage /> },
    ],
  },
];

export const createRouter = () => createBrowserRouter(routes);
