import type { Browser, Page } from "@playwright/test";

/** One first screen, on the page's own clock (performance.now() is 0 at navigation start). */
export interface FirstScreen {
  /** The first match painted: the frame after it entered the DOM (requestAnimationFrame, then a task). */
  paint: number;
  /** The first match entered the DOM. */
  inDom: number;
  /** The HTML's first and last byte. */
  responseStart: number;
  responseEnd: number;
  /** Navigation → the page's report reaching the harness, on the harness's wall clock (a sanity check). */
  outside: number;
}

const FIRST_SCREEN_TIMEOUT_MS = 120_000;

/**
 * Navigation → the first `selector` painted, in a fresh tab. An init script notes when the first
 * match enters the DOM and when the next frame has been painted, and resolves a promise the
 * harness awaits with one evaluation; the same for every product and page measured.
 *
 * Nothing of Playwright's runs in the page while it loads: a locator or `waitForFunction` would
 * first evaluate Playwright's injected script (hundreds of KB) on the page's main thread and then
 * poll there, and a trace at 5,000 services put that task (~60 ms) between the HTML's parsing and
 * the first rows — the harness slowing the page it measures.
 */
export async function timeFirstScreen(b: Browser, url: string, selector: string): Promise<FirstScreen> {
  const page = await b.newPage();
  try {
    // A string, not a function: tsx's keepNames would wrap inner functions in a helper the page lacks.
    await page.addInitScript(`(() => {
      const sel = ${JSON.stringify(selector)};
      let settle, fail;
      window.__firstScreen = new Promise((resolve, reject) => { settle = resolve; fail = reject; });
      window.__firstScreen.catch(() => {});
      const timer = setTimeout(() => fail(new Error("no " + sel + " within ${FIRST_SCREEN_TIMEOUT_MS / 1000} s")), ${FIRST_SCREEN_TIMEOUT_MS});
      const mo = new MutationObserver(() => {
        if (!document.querySelector(sel)) return;
        mo.disconnect();
        clearTimeout(timer);
        const inDom = performance.now();
        requestAnimationFrame(() => setTimeout(() => settle({ inDom, paint: performance.now() }), 0));
      });
      mo.observe(document, { subtree: true, childList: true });
    })();`);
    const started = Date.now();
    await page.goto(url, { waitUntil: "commit" });
    const t = (await page.evaluate(`window.__firstScreen.then((t) => {
      const n = performance.getEntriesByType("navigation")[0];
      return { ...t, responseStart: n.responseStart, responseEnd: n.responseEnd };
    })`)) as Omit<FirstScreen, "outside">;
    const outside = Date.now() - started;
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
 * Waits until the `index`th `link` on the page can act on a click (`ready`, a string expression
 * run in the page with the link as `el`): for a server-rendered list, until its scripts have
 * loaded and React has hydrated it. Polled inside the page by one evaluation: Playwright's
 * waitForFunction evaluates a string predicate with eval, which the dashboard's CSP refuses.
 */
export async function untilLinkReady(page: Page, link: string, index: number, ready: string): Promise<void> {
  await page.locator(link).nth(index).waitFor({ timeout: 120_000 });
  await page.evaluate(`new Promise((resolve, reject) => {
    const deadline = performance.now() + 30000;
    const tick = () => {
      const el = document.querySelectorAll(${JSON.stringify(link)})[${index}];
      if (el && (${ready})) return resolve();
      if (performance.now() > deadline) return reject(new Error("the list's link ${index} is not ready within 30 s"));
      setTimeout(tick, 20);
    };
    tick();
  })`);
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
      await untilLinkReady(page, opts.link, i, opts.ready);
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
