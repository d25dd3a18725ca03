import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { describe, expect, it } from "vitest";

// The router's table (web/src/route-table.ts), loaded by path: the tests' compiler settings are
// not the web app's, so the type check does not follow it into the pages.
interface RouteTable {
  isAppRoute(pathname: string): boolean;
  appRoutePaths(): string[];
}
const routeTableModule = new URL("../../../web/src/route-table.ts", import.meta.url).pathname;
const { isAppRoute, appRoutePaths } = (await import(routeTableModule)) as RouteTable;

// Every link the web app's pages make leads somewhere: each `to="/…"`, `href="/…"`,
// `navigate("/…")` and menu entry in web/src, literal or a template, must be a page of the
// router (web/src/router.tsx, not its catch-all) or lie under a path the web server hands to
// the gateway (the proxy table of web/vite.config.ts, as nginx and the ingress do).

const root = join(import.meta.dirname, "../../..");
const webSrc = join(root, "web/src");

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return /\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name) ? [path] : [];
  });
}

/** Internal links in the source: [file, the path as written (templates keep their ${…})]. */
function linksInSource(): [string, string][] {
  const pattern = /(?:\b(?:to|href)=\{?|\bnavigate\(|\bto: )(["`])(\/[^"`]*)\1?/g;
  return sourceFiles(webSrc).flatMap((file) =>
    [...readFileSync(file, "utf8").matchAll(pattern)].map(
      (m) => [relative(root, file), m[2] ?? ""] as [string, string],
    ),
  );
}

const gatewayPrefixes = [
  ...readFileSync(join(root, "web/vite.config.ts"), "utf8").matchAll(
    /"(\/[\w/-]+)":\s*\{\s*target: gateway/g,
  ),
].map((m) => m[1] as string);

const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
/** A route path with a sample for each parameter: "/offers/:id" → "/offers/p". */
const samples = appRoutePaths()
  .filter((p) => !p.endsWith("*"))
  .map((p) => p.replace(/:[\w]+/g, "p"));

/** Whether a path as written in the source resolves; a `${…}` stands for any text. */
function resolves(written: string): boolean {
  const path = written.split(/[?#]/)[0] ?? "";
  if (gatewayPrefixes.some((prefix) => path === prefix || path.startsWith(`${prefix}/`))) return true;
  if (!path.includes("${")) return isAppRoute(path);
  // Cut at an interpolation left open (a nested template), then match the route samples.
  const open = path.replace(/\$\{[^}]*\}/g, "\u0000");
  const cut = open.includes("${") ? `${open.slice(0, open.indexOf("${"))}\u0000` : open;
  const pattern = new RegExp(`^${cut.split("\u0000").map(escapeRegex).join(".+")}$`);
  return samples.some((sample) => pattern.test(sample));
}

describe("links in the web app's pages", () => {
  const links = linksInSource();

  it("are found in the source (the scan itself works)", () => {
    expect(links.length).toBeGreaterThan(30);
    expect(gatewayPrefixes).toEqual(expect.arrayContaining(["/graphql", "/export", "/unsubscribe"]));
    expect(links.map(([, path]) => path)).toEqual(expect.arrayContaining(["/subscriptions", "/workspace"]));
  });

  it("each lead to a page of the router or a route of the gateway", () => {
    const broken = links.filter(([, path]) => !resolves(path)).map(([file, path]) => `${file}: ${path}`);
    expect(broken).toEqual([]);
  });

  it("tell a missing page from a real one", () => {
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a path as a template literal writes it
    expect(resolves("/offers/${offer.id}")).toBe(true);
    expect(resolves("/tilbud-som-ikke-finnes")).toBe(false);
    // biome-ignore lint/suspicious/noTemplateCurlyInString: a path as a template literal writes it
    expect(resolves("/workspace/${orgId}/nowhere/${id}")).toBe(false);
  });
});
