import { matchRoutes, type RouteObject } from "react-router";
import { routes } from "./router.js";

// The router's table asked from outside the app: the link tests (tests/integration/links) check
// every link of every mail and page against it, nested route arrays included.

/** Whether `pathname` is a page of the app, not the catch-all "not found" page. */
export function isAppRoute(pathname: string): boolean {
  const leaf = matchRoutes(routes, pathname)?.at(-1)?.route;
  return leaf !== undefined && leaf.path !== "*";
}

/** Every route's full path, nested arrays flattened, e.g. "/workspace/:orgId/offers/:offerId". */
export function appRoutePaths(table: RouteObject[] = routes, parent = ""): string[] {
  return table.flatMap((route) => {
    const path = route.path ? `${parent.replace(/\/$/, "")}/${route.path.replace(/^\//, "")}` : parent || "/";
    return [...(route.index || route.path ? [path] : []), ...appRoutePaths(route.children ?? [], path)];
  });
}
