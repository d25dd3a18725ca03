import type { RouteObject } from "react-router";
import { A0099Page } from "./A0099Page.js";
import { AttendancePage } from "./AttendancePage.js";
import { ConfirmReportsPage } from "./ConfirmReportsPage.js";
import { CourseRunPage } from "./CourseRunPage.js";
import { PamPage } from "./PamPage.js";

/**
 * The course loop after the sign-ups: a course run's page (its PAM figures; for the provider
 * the PAM entry and the attendance list), the user organisations' confirmation of reports from
 * attendance, PAM before and after per provider and per region, and the A0099 indicator.
 */
export const courseRoutes: RouteObject[] = [
  { path: "courses/pam", element: <PamPage /> },
  { path: "courses/a0099", element: <A0099Page /> },
  { path: "courses/runs/:sessionId", element: <CourseRunPage /> },
  { path: "courses/runs/:sessionId/attendance", element: <AttendancePage /> },
  { path: "courses/confirm", element: <ConfirmReportsPage /> },
];
