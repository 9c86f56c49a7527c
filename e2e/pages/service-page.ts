import { expect, type Locator, type Page } from "@playwright/test";

/** One service's page, as a user sees it. */
export class ServicePage {
  constructor(readonly page: Page) {}

  async goto(name: string, query = ""): Promise<void> {
    await this.page.goto(`/services/${encodeURIComponent(name)}${query}`);
  }

  get heading(): Locator {
    return this.page.getByRole("heading", { level: 1 });
  }

  get healthyTotal(): Locator {
    return this.page.locator("header").getByTestId("healthy-total");
  }

  get endpoints(): Locator {
    return this.page.getByRole("list", { name: "Healthy endpoints" });
  }

  get dnsName(): Locator {
    return this.page.getByTestId("dns-name");
  }

  get freshness(): Locator {
    return this.page.getByLabel("Freshness");
  }

  instance(id: string, node: string): Locator {
    return this.page.getByRole("article", { name: `Instance ${id} on ${node}` });
  }

  check(id: string, node: string, checkName: string): Locator {
    return this.instance(id, node).getByRole("row").filter({ has: this.page.getByRole("rowheader", { name: checkName, exact: true }) });
  }

  async expectStatus(status: "OK" | "DEGRADED" | "DOWN", healthyTotal: string): Promise<void> {
    await expect(this.page.locator("header").getByText(status, { exact: true })).toBeVisible();
    await expect(this.healthyTotal).toHaveText(healthyTotal);
  }
}
