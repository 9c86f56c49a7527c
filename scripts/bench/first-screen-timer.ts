import type { Browser } from "@playwright/test";

/** One first screen, on the page's own clock (performance.now() is 0 at navigation start). */
export interface FirstScreen {
  /** The first match painted: the frame after it entered the DOM (requestAnimationFrame, then a task). */
  paint: number;
  /** The first match entered the DOM. */
  inDom: number;
  /** The HTML's first and last byte. */
  responseStart: number;
  responseEnd: number;
  /** The earlier way: Playwright's wall clock around its own polling, which lags under load. */
  outside: number;
}

/**
 * Navigation → the first `selector` painted, in a fresh tab. An init script notes when the first
 * match enters the DOM and when the next frame has been painted; the same for every product and
 * page measured. Playwright's own polling is not part of the figure.
 */
export async function timeFirstScreen(b: Browser, url: string, selector: string): Promise<FirstScreen> {
  const page = await b.newPage();
  try {
    // A string, not a function: tsx's keepNames would wrap inner functions in a helper the page lacks.
    await page.addInitScript(`(() => {
      const sel = ${JSON.stringify(selector)};
      const mo = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        mo.disconnect();
        window.__firstSeenAt ??= performance.now();
        requestAnimationFrame(() => setTimeout(() => { window.__firstPaintAt ??= performance.now(); }, 0));
      });
      mo.observe(document, { subtree: true, childList: true });
    })();`);
    const started = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    await page.locator(selector).first().waitFor({ timeout: 120_000 });
    const outside = Date.now() - started;
    await page.waitForFunction(() => (window as Window & { __firstPaintAt?: number }).__firstPaintAt, undefined, { timeout: 30_000 });
    const t = (await page.evaluate(`(() => {
      const n = performance.getEntriesByType("navigation")[0];
      return { paint: window.__firstPaintAt, inDom: window.__firstSeenAt, responseStart: n.responseStart, responseEnd: n.responseEnd };
    })()`)) as Omit<FirstScreen, "outside">;
    return {
      paint: Math.round(t.paint),
      inDom: Math.round(t.inDom),
      responseStart: Math.round(t.responseStart),
      responseEnd: Math.round(t.responseEnd),
      outside,
    };
  } finally {
    await page.close();
  }
}
