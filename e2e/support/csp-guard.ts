import { test as playwrightTest, type Browser, type BrowserContext, type Page } from "@playwright/test";

/**
 * Fails any test during which a page broke the Content-Security-Policy: every browser
 * context the test opens (the `context`/`page` fixtures and `browser.newContext()`)
 * reports `securitypolicyviolation` events and the console's CSP messages here.
 * Hooked into the base fixture in fixtures.ts (`withCspGuard(base)`), so it applies to
 * every spec. A test that provokes violations on purpose declares them with
 * `cspGuard.allow(/pattern/)`.
 */
export interface CspGuard {
  /** Everything seen so far in this test, allowed or not. */
  readonly violations: string[];
  /** Violations matching this are expected in this test. */
  allow(pattern: RegExp): void;
  /** Starts listening in a context (done for every context the test opens). */
  guard(ctx: BrowserContext): Promise<void>;
}

const BINDING = "__reportCspViolation";

const LISTENER = `(() => {
  document.addEventListener("securitypolicyviolation", (e) => {
    const report = window[${JSON.stringify(BINDING)}];
    if (typeof report === "function") report(\`securitypolicyviolation: \${e.violatedDirective} blocked \${e.blockedURI || "inline"} on \${e.documentURI}\`);
  });
})();`;

/** Chromium's own words for CSP refusals. */
const CONSOLE_CSP = /Content Security Policy|Refused to (execute|load|apply|frame|connect|evaluate)/i;

export function withCspGuard(base: typeof playwrightTest) {
  return base.extend<{ cspGuard: CspGuard }>({
    cspGuard: [
      async ({ browser }, use) => {
        const violations: string[] = [];
        const allowed: RegExp[] = [];
        const guarded = new WeakSet<BrowserContext>();
        const guard = async (ctx: BrowserContext) => {
          if (guarded.has(ctx)) return;
          guarded.add(ctx);
          await ctx.exposeBinding(BINDING, (_source, text: string) => void violations.push(text));
          await ctx.addInitScript(LISTENER);
          const watchPage = (p: Page) =>
            p.on("console", (m) => {
              if (CONSOLE_CSP.test(m.text())) violations.push(`console: ${m.text()}`);
            });
          ctx.pages().forEach(watchPage);
          ctx.on("page", watchPage);
        };
        const newContext = browser.newContext.bind(browser);
        browser.newContext = async (...args: Parameters<Browser["newContext"]>) => {
          const ctx = await newContext(...args);
          await guard(ctx);
          return ctx;
        };
        try {
          await use({ violations, allow: (p) => void allowed.push(p), guard });
        } finally {
          browser.newContext = newContext;
        }
        const unexpected = violations.filter((v) => !allowed.some((p) => p.test(v)));
        if (unexpected.length) throw new Error(`Content-Security-Policy violations:\n${unexpected.join("\n")}`);
      },
      { auto: true },
    ],
    // The default context (behind the `page` fixture) is made by Playwright itself.
    context: async ({ context, cspGuard }, use) => {
      await cspGuard.guard(context);
      await use(context);
    },
  });
}
