import { expect, type Locator, type Page } from "@playwright/test";
import type { SeedApi } from "../../scripts/consul/seed-api";

/** The ops-room wall, as someone across the room (or a test) sees it. */
export class WallPage {
  constructor(readonly page: Page) {}

  async goto(query = ""): Promise<void> {
    await this.page.goto(`/wall${query}`);
  }

  get wall(): Locator {
    return this.page.getByTestId("wall");
  }

  get grid(): Locator {
    return this.page.getByRole("list", { name: "Services" });
  }

  get tiles(): Locator {
    return this.grid.getByRole("listitem");
  }

  get banner(): Locator {
    return this.page.getByRole("alert", { name: "Wall freshness" });
  }

  get strip(): Locator {
    return this.page.getByRole("region", { name: "Recent transitions" });
  }

  tile(service: string): Locator {
    return this.grid.locator(`[data-service="${service}"]`);
  }

  async expectLive(): Promise<void> {
    await expect(this.wall).toHaveAttribute("data-live", "true", { timeout: 20_000 });
    await expect(this.banner).toHaveCount(0);
  }

  /** Service names of the tiles in display order (the folded tile excluded). */
  names(): Promise<string[]> {
    return this.grid.locator("[data-service]").evaluateAll((els) => els.map((e) => e.getAttribute("data-service") ?? ""));
  }

  /** Nothing scrolls: the page is exactly the viewport. */
  async expectNoScroll(): Promise<void> {
    const m = await this.page.evaluate(() => {
      const s = document.scrollingElement ?? document.documentElement;
      return { sh: s.scrollHeight, sw: s.scrollWidth, h: window.innerHeight, w: window.innerWidth };
    });
    expect(m.sh, "page height").toBeLessThanOrEqual(m.h);
    expect(m.sw, "page width").toBeLessThanOrEqual(m.w);
  }

  /** Every tile matching `selector` lies wholly inside the viewport. */
  async expectWhollyInView(selector: string): Promise<number> {
    const out = await this.grid.locator(selector).evaluateAll((els) =>
      els.map((e) => {
        const r = e.getBoundingClientRect();
        return { name: e.getAttribute("data-service"), top: r.top, left: r.left, bottom: r.bottom, right: r.right };
      }),
    );
    const size = this.page.viewportSize();
    if (!size) throw new Error("no viewport");
    for (const b of out) {
      expect(b.top, `${b.name} top`).toBeGreaterThanOrEqual(0);
      expect(b.left, `${b.name} left`).toBeGreaterThanOrEqual(0);
      expect(b.bottom, `${b.name} bottom`).toBeLessThanOrEqual(size.height);
      expect(b.right, `${b.name} right`).toBeLessThanOrEqual(size.width);
    }
    return out.length;
  }
}

export interface Estate {
  down: string[];
  degraded: string[];
  ok: string[];
}

/**
 * Registers an estate in the real agent: DOWN services (one critical instance), DEGRADED
 * (one of two instances critical) and OK ones, all tagged `tag` so a wall can show just them.
 */
export async function seedEstate(consul: SeedApi, prefix: string, tag: string, counts: { down: number; degraded: number; ok: number }): Promise<Estate> {
  const name = (kind: string, i: number) => `${prefix}-${kind}-${String(i).padStart(3, "0")}`;
  const estate: Estate = {
    down: Array.from({ length: counts.down }, (_, i) => name("down", i)),
    degraded: Array.from({ length: counts.degraded }, (_, i) => name("deg", i)),
    ok: Array.from({ length: counts.ok }, (_, i) => name("ok", i)),
  };
  const jobs: (() => Promise<void>)[] = [];
  const node = (i: number) => `${prefix}-node-${i % 8}`;
  estate.down.forEach((s, i) =>
    jobs.push(() => consul.registerInstance({ node: node(i), id: s, service: s, tags: [tag] }, [{ id: `${s}-chk`, status: "critical" }])),
  );
  estate.degraded.forEach((s, i) => {
    jobs.push(() => consul.registerInstance({ node: node(i), id: `${s}-a`, service: s, tags: [tag] }, [{ id: `${s}-a-chk`, status: "critical" }]));
    jobs.push(() => consul.registerInstance({ node: node(i + 1), id: `${s}-b`, service: s, tags: [tag] }, [{ id: `${s}-b-chk`, status: "passing" }]));
  });
  estate.ok.forEach((s, i) =>
    jobs.push(() => consul.registerInstance({ node: node(i), id: s, service: s, tags: [tag] }, [{ id: `${s}-chk`, status: "passing" }])),
  );
  // A few requests at a time: quick on a dev agent, gentle on a 2-core machine.
  for (let i = 0; i < jobs.length; i += 16) await Promise.all(jobs.slice(i, i + 16).map((j) => j()));
  return estate;
}
