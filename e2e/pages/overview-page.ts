import { expect, type Locator, type Page } from "@playwright/test";

/** The services overview, as a user sees it. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  /** Opens the overview; `query` such as `?q=prefix` (the list is virtualised: filter to see your rows). */
  async goto(query = ""): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Services" });
  }

  get freshness(): Locator {
    return this.page.getByLabel("Freshness");
  }

  get feed(): Locator {
    return this.page.getByRole("region", { name: "Recent changes" });
  }

  get search(): Locator {
    return this.page.getByRole("searchbox", { name: "Search name or tag" });
  }

  /** The page's error message (Next's own empty route announcer also has role=alert). */
  get error(): Locator {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }

  row(service: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: service, exact: true }) });
  }

  /** Row headers in display order. */
  names(): Promise<string[]> {
    return this.table.getByRole("rowheader").allTextContents();
  }

  /** Waits (the page updates live, no reload) until the service shows the count and status. */
  async expectService(service: string, healthyTotal: string, status: "OK" | "DEGRADED" | "DOWN"): Promise<void> {
    const row = this.row(service);
    await expect(row.getByTestId("healthy-total")).toHaveText(healthyTotal);
    await expect(row.getByText(status, { exact: true })).toBeVisible();
  }

  async expectLive(): Promise<void> {
    await expect(this.freshness).toContainText("Live");
    await expect(this.freshness).not.toContainText("STALE");
  }
}
