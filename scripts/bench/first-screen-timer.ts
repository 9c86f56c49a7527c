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

/**
 * Click → the next page's first `target` painted, in one tab that stays open (how an operator
 * usually reaches a service page: from the list). Opens `listUrl`, then for each of the first
 * `count` links matching `link`: waits until the page can act on a click (`ready`, a string
 * expression run in the page with the link as `el`) and is idle, clicks it, times it on the page's clock
 * (the same frame rule as `timeFirstScreen`), and goes back to the list.
 */
export async function timeClickThrough(
  b: Browser,
  opts: { listUrl: string; link: string; target: string; ready: string; count: number },
): Promise<number[]> {
  const page = await b.newPage();
  const times: number[] = [];
  try {
    await page.goto(opts.listUrl);
    for (let i = 0; i < opts.count; i++) {
      await page.locator(opts.link).nth(i).waitFor({ timeout: 120_000 });
      await page.waitForFunction(`(() => { const el = document.querySelectorAll(${JSON.stringify(opts.link)})[${i}]; return !!el && (${opts.ready}); })()`, undefined, { timeout: 30_000 });
      // …and the list has done what opening it set off (its live data, its first queries): five idle
      // periods in a row of at least 45 ms each (50 is the most the browser gives), or 3 s, whichever
      // comes first (a page that animates all the time, as Consul's UI does, never has such periods).
      await page.evaluate(`new Promise((resolve) => {
        let calm = 0;
        const check = (d) => { calm = d.timeRemaining() >= 45 ? calm + 1 : 0; if (calm >= 5) resolve(); else requestIdleCallback(check); };
        requestIdleCallback(check);
        setTimeout(resolve, 3000);
      })`);
      const ms = (await page.evaluate(`new Promise((resolve, reject) => {
        const target = ${JSON.stringify(opts.target)};
        if (document.querySelector(target)) return reject(new Error("the list already shows " + target));
        const t0 = performance.now();
        document.querySelectorAll(${JSON.stringify(opts.link)})[${i}].click();
        const deadline = t0 + 30000;
        const tick = () => {
          if (document.querySelector(target)) return requestAnimationFrame(() => setTimeout(() => resolve(performance.now() - t0), 0));
          if (performance.now() > deadline) return reject(new Error("no " + target + " within 30 s of the click"));
          setTimeout(tick, 2);
        };
        tick();
      })`)) as number;
      times.push(Math.round(ms));
      await page.goBack();
      await page.locator(opts.link).nth(i).waitFor({ timeout: 120_000 });
    }
    return times;
  } finally {
    await page.close();
  }
}
