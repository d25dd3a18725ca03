import AxeBuilder from "@axe-core/playwright";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, expect, inject } from "vitest";

// Debian's Chromium, never a downloaded browser build: .ci/run installs the `chromium` package
// on a fresh machine. CHROMIUM_PATH overrides the location (e.g. a developer's Mac).
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const chromiumArgs = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

export function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath, args: chromiumArgs });
}

/** axe-core's WCAG 2.0/2.1 A and AA rules, plus its best practices for landmarks and headings. */
const axeTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"];

/**
 * A page that remembers every address it showed and every address that was checked with axe, so
 * a journey can prove at its end that no page it visited went unchecked.
 */
export interface AuditedPage {
  page: Page;
  context: BrowserContext;
  /** Runs axe on the page as it is now; fails on any serious or critical violation. */
  audit(label?: string): Promise<void>;
  /** Fails unless every path shown in this page was audited at least once. */
  expectEveryPageAudited(): void;
}

type Violation = Awaited<ReturnType<AxeBuilder["analyze"]>>["violations"][number];

function seriousViolations(violations: Violation[]): string[] {
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`);
}

export async function openPage(browser: Browser, baseURL: string, locale = "nb-NO"): Promise<AuditedPage> {
  const context = await browser.newContext({
    baseURL,
    locale,
    viewport: { width: 1280, height: 900 },
    acceptDownloads: true,
  });
  const page = await context.newPage();
  const visited = new Set<string>();
  const audited = new Set<string>();
  const errors: string[] = [];
  page.on("pageerror", (error) => errors.push(error.message));
  page.on("framenavigated", (frame) => {
    if (frame !== page.mainFrame()) return;
    // Every page that was shown, the sign-in provider's included; redirects never commit.
    const url = new URL(frame.url());
    if (url.protocol.startsWith("http")) visited.add(url.origin + url.pathname);
  });
  return {
    page,
    context,
    async audit(label) {
      // Let the page settle: data loaded and rendered, no spinner left.
      await page.waitForLoadState("load");
      await page
        // "Laster …", "Lastar …" or "Loading …", whichever language the page is in.
        .locator('main [role="status"]')
        .filter({ hasText: /Laster|Lastar|Loading/ })
        .waitFor({ state: "detached" })
        .catch(() => {});
      // A frame sandboxed without allow-scripts (the mail HTML the web app shows) never runs a
      // timer callback, not even one of a script injected from outside, and axe-core settles
      // every rule with setTimeout: run in there, it never returns, and the audit hangs whenever
      // axe got injected into the frame within its one-second limit. So axe checks the page
      // without such frames, and each frame's document on a page of its own.
      const scriptless = 'iframe[sandbox]:not([sandbox~="allow-scripts"])';
      const framed = await page.locator(scriptless).evaluateAll((frames) =>
        frames.map((f) => ({
          title: f.getAttribute("title") ?? "",
          html: (f as HTMLIFrameElement).srcdoc,
        })),
      );
      const builder = new AxeBuilder({ page }).withTags(axeTags);
      const results = await (framed.length > 0 ? builder.exclude(scriptless) : builder).analyze();
      const serious = seriousViolations(results.violations);
      for (const [index, { title, html }] of framed.entries()) {
        // What axe's frame-title rule would have said about the excluded frame itself.
        if (!title.trim())
          serious.push(`frame ${index + 1}: frame-title (serious): Frames must have a title`);
        if (!html) continue;
        const frame = await context.newPage();
        try {
          await frame.setContent(html);
          const inFrame = await new AxeBuilder({ page: frame }).withTags(axeTags).analyze();
          serious.push(...seriousViolations(inFrame.violations).map((v) => `frame ${index + 1}: ${v}`));
        } finally {
          await frame.close();
        }
      }
      expect(serious, `axe on ${label ?? page.url()}`).toEqual([]);
      expect(errors, `uncaught errors on ${page.url()}`).toEqual([]);
      const url = new URL(page.url());
      audited.add(url.origin + url.pathname);
    },
    expectEveryPageAudited() {
      const missed = [...visited].filter((path) => !audited.has(path));
      expect(missed, "pages visited but never checked with axe").toEqual([]);
    },
  };
}

/**
 * A signed-out visitor for one describe block: the browser opens before its tests and closes
 * after them. The answer reads through to the page opened in beforeAll, so tests use it as an
 * AuditedPage (`const { page } = visitor`).
 */
export function signedOutVisitor(locale = "nb-NO"): AuditedPage {
  let browser: Browser | undefined;
  let opened: AuditedPage | undefined;
  beforeAll(async () => {
    browser = await launchBrowser();
    opened = await openPage(browser, inject("webUrl"), locale);
  });
  afterAll(async () => {
    await browser?.close();
  });
  const current = () => {
    if (!opened) throw new Error("the visitor's page opens in beforeAll");
    return opened;
  };
  return {
    get page() {
      return current().page;
    },
    get context() {
      return current().context;
    },
    audit: (label) => current().audit(label),
    expectEveryPageAudited: () => current().expectEveryPageAudited(),
  };
}
