import { expect, type Locator } from "@playwright/test";

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
