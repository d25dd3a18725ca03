import type { RouteObject } from "react-router";
import { IntakePage } from "./IntakePage.js";
import { MySignUpPage } from "./MySignUpPage.js";

/** A sign-up's private link (no account), and the provider's intake of referral requests. */
export const signUpRoutes: RouteObject[] = [
  { path: "sign-ups/:token", element: <MySignUpPage /> },
  { path: "intake", element: <IntakePage /> },
];
