import type { RouteObject } from "react-router";
import { CorrectReportPage } from "./CorrectReportPage.js";
import { ParticipationPage } from "./ParticipationPage.js";

/** Participation reporting: /participation (report and overview, `?org=` picks the organisation) and a report's correction. */
export const participationRoutes: RouteObject[] = [
  { path: "participation", element: <ParticipationPage /> },
  { path: "participation/reports/:id", element: <CorrectReportPage /> },
];
