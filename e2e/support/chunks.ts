import type { Page } from "@playwright/test";

/**
 * Refuses the page's script chunks whose code contains `marker`, as a dropped connection or a
 * redeploy that replaced them would, and passes every other chunk through. The returned list
 * fills with the refused URLs, so a test can check that something was refused at all.
 */
export async function refuseChunks(page: Page, marker: string): Promise<string[]> {
  const refused: string[] = [];
  await page.route(/\/_next\/static\/chunks\/[^/]+\.js$/, async (route) => {
    try {
      const res = await route.fetch();
      const body = await res.text();
      if (body.includes(marker)) {
        refused.push(route.request().url());
        await route.abort("connectionreset");
        return;
      }
      await route.fulfill({ response: res, body });
    } catch {
      // The test ended (its page closed) while this chunk was in flight: nothing waits for it any more.
      await route.abort().catch(() => {});
    }
  });
  return refused;
}
