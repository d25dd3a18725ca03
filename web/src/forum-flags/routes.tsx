import type { RouteObject } from "react-router";
import { ForumFlagPage } from "./ForumFlagPage.js";
import { ForumFlagsPage } from "./ForumFlagsPage.js";
import { RaiseFlagPage } from "./RaiseFlagPage.js";

/** A health community's flags (issue 15): the list, raising one, and one flag (mails link to it). */
export const forumFlagRoutes: RouteObject[] = [
  { path: "forum-flags", element: <ForumFlagsPage /> },
  { path: "forum-flags/new", element: <RaiseFlagPage /> },
  { path: "forum-flags/:flagId", element: <ForumFlagPage /> },
];
