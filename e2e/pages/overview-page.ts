import { expect, type Locator, type Page } from "@playwright/test";

/** The services overview, as a user sees it. */
export class OverviewPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/${query}`);
  }

  get table(): Locator {
    return this.page.getByRole("table", { name: "Services" });
  }

  /** The page's error message (Next's own empty route announcer also has role=alert). */
  get error(): Locator {
    return this.page.getByRole("alert").filter({ hasText: /\S/ });
  }

  row(service: string): Locator {
    return this.table.getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: service, exact: true }) });
  }

  /** Polls (reloading) until the service shows the expected count and status. */
  async expectService(service: string, healthyTotal: string, status: "OK" | "DEGRADED" | "DOWN"): Promise<void> {
    const row = this.row(service);
    await expect(row.getByTestId("healthy-total")).toHaveText(healthyTotal);
    await expect(row.getByText(status, { exact: true })).toBeVisible();
  }
}
