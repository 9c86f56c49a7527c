import AxeBuilder from "@axe-core/playwright";
import { seedSitePages, type SitePage } from "./support/site-pages";
import { expect, test } from "./support/kv-fixtures";

test.describe("accessibility: no serious or critical axe violations", () => {
  let pages: SitePage[] = [];
  test.beforeAll(async ({ consul, kv }) => {
    pages = await seedSitePages(consul, kv);
  });

  for (const scheme of ["light", "dark"] as const) {
    test(`every page, ${scheme} theme (following the system setting)`, async ({ page }) => {
      test.setTimeout(120_000);
      await page.emulateMedia({ colorScheme: scheme, reducedMotion: "reduce" });
      const found: string[] = [];
      for (const p of pages) {
        // The wall keeps its own ?theme= (it does not follow the app's).
        await page.goto(p.path === "/wall" ? `/wall?theme=${scheme}` : p.path);
        await p.ready(page);
        if (p.path !== "/wall") await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        const result = await new AxeBuilder({ page }).analyze();
        for (const v of result.violations) {
          if (v.impact !== "serious" && v.impact !== "critical") continue;
          found.push(`${p.name} (${p.path}): ${v.id} [${v.impact}] ${v.help}\n    ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join("\n    ")}`);
        }
      }
      expect(found, found.join("\n")).toEqual([]);
    });
  }
});
