import { seedSitePages, type SitePage } from "./support/site-pages";
import { expect, test } from "./support/kv-fixtures";

const SIZES = [
  { width: 390, height: 844 },
  { width: 768, height: 1024 },
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
];

test.describe("every page fits the screen, phone to desktop", () => {
  let pages: SitePage[] = [];
  test.beforeAll(async ({ consul, kv }) => {
    pages = await seedSitePages(consul, kv);
  });

  for (const size of SIZES) {
    test(`no horizontal page scroll at ${size.width}×${size.height}`, async ({ page }) => {
      test.setTimeout(90_000);
      await page.setViewportSize(size);
      const wide: string[] = [];
      for (const p of pages) {
        await page.goto(p.path);
        await p.ready(page);
        const { scroll, inner } = await page.evaluate(() => ({ scroll: document.documentElement.scrollWidth, inner: window.innerWidth }));
        if (scroll > inner) wide.push(`${p.name} (${p.path}): scrollWidth ${scroll} > innerWidth ${inner}`);
      }
      expect(wide, wide.join("\n")).toEqual([]);
    });
  }

  test("on a phone, overview rows are cards showing name, status, healthy/total and time in status", async ({ page }) => {
    await page.setViewportSize(SIZES[0]!);
    const overview = pages[0]!;
    await page.goto(overview.path);
    await overview.ready(page);
    const row = page.getByRole("table", { name: "Services" }).getByRole("row").nth(1);
    await expect(row.getByText("DOWN", { exact: true }).or(row.getByText("DEGRADED", { exact: true }))).toBeVisible();
    await expect(row.getByTestId("healthy-total")).toBeVisible();
    await expect(row.getByTestId("since")).toBeVisible();
    const box = await row.boundingBox();
    expect(box!.x + box!.width).toBeLessThanOrEqual(390);
  });
});
