import { expect, type Locator, type Page } from "@playwright/test";

/**
 * Waits until React has hydrated `target`: a page's server-rendered HTML shows before its
 * handlers are attached, and a click or key pressed in between goes nowhere. React marks each
 * element it has hydrated with a `__reactProps$…` property.
 */
export async function expectHydrated(target: Locator, timeout = 15_000): Promise<void> {
  await expect
    .poll(() => target.evaluate((el) => Object.keys(el).some((k) => k.startsWith("__reactProps$"))), {
      message: `React never hydrated ${target.toString()}`,
      timeout,
    })
    .toBe(true);
}

/**
 * Presses `key` until `target` has the focus. Keyboard shortcuts are attached when the header
 * hydrates, which can come after the page content a test waits for; a key pressed before then
 * goes nowhere. A press is repeated only while the target does not have the focus.
 */
export async function pressUntilFocused(page: Page, key: string, target: Locator, timeout = 15_000): Promise<void> {
  await expect(async () => {
    if (!(await target.evaluate((el) => el === document.activeElement))) await page.keyboard.press(key);
    await expect(target).toBeFocused({ timeout: 1_000 });
  }).toPass({ timeout });
}

/**
 * Holds back the page's scripts (as a slow phone would see them arrive) until the returned
 * function is called, so a test can act on the server-rendered HTML before hydration.
 */
export async function holdScripts(page: Page): Promise<() => void> {
  let release = () => {};
  const held = new Promise<void>((r) => (release = r));
  await page.route(/\/_next\/static\/.*\.js$/, async (route) => {
    await held;
    await route.continue();
  });
  return release;
}
