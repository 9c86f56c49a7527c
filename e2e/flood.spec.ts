import http from "node:http";
import { startRecordingProxy } from "../scripts/consul/recording-proxy";
import { SeedApi } from "../scripts/consul/seed-api";
import { OverviewPage } from "./pages/overview-page";
import { expect, test, uniq } from "./support/fixtures";

/**
 * Floods that took Consul's per-client connection limit (200) in the audit: 300 distinct
 * `/api/events?service=` streams and 250 concurrent key searches. Loopback only, bounded,
 * and it stops by itself. The proxy in front of Consul measures the dashboard's peak
 * concurrent connections; the overview's live stream must keep working meanwhile.
 */

interface Held {
  status: number;
  close(): void;
}

/** Opens a request and keeps its response open (an SSE stream) until closed. */
function hold(url: string): Promise<Held> {
  return new Promise((resolve) => {
    const req = http.get(url, { agent: false }, (res) => {
      res.resume();
      const done = () => resolve({ status: res.statusCode ?? 0, close: () => req.destroy() });
      if (String(res.headers["content-type"]).startsWith("text/event-stream")) done();
      else res.on("end", done);
    });
    req.on("error", () => resolve({ status: 0, close: () => {} }));
    req.setTimeout(60_000, () => req.destroy());
  });
}

const tally = (xs: Held[]) => xs.reduce<Record<number, number>>((m, x) => ({ ...m, [x.status]: (m[x.status] ?? 0) + 1 }), {});

test.describe("floods", () => {
  test.describe.configure({ timeout: 240_000 });

  test("300 distinct service streams and 250 key searches queue below the connection cap; the overview stays live", async ({ page, launch }) => {
    const agent = await launch.agent();
    const proxy = await startRecordingProxy(agent.url);
    try {
      const app = await launch.app({ env: { CONSUL_HTTP_ADDR: proxy.url } });
      const consul = new SeedApi(agent.url);
      const p = uniq("flood");
      const real = Array.from({ length: 80 }, (_, i) => `${p}-svc-${i}`);
      for (const name of real) await consul.registerInstance({ node: `${p}-n${Math.floor(Number(name.split("-").pop()) / 10)}`, id: name, service: name });
      const flip = `${p}-flip`;
      await consul.registerInstance({ node: `${p}-flipnode`, id: flip, service: flip }, [{ id: "http", status: "passing" }]);
      await consul.kv.putMany(Array.from({ length: 300 }, (_, i) => ({ key: `${p}/k${i}`, value: "v" })));

      const overview = new OverviewPage(page);
      await page.goto(`${app.url}/?q=${flip}`);
      await overview.expectLive();
      await overview.expectService(flip, "1/1", "OK");
      proxy.reset();

      const bogus = Array.from({ length: 220 }, (_, i) => `${p}-ghost-${i}`);
      const started = Date.now();
      const streams = Promise.all([...real, ...bogus].map((n) => hold(`${app.url}/api/events?service=${encodeURIComponent(n)}`)));
      const searches = Promise.all(Array.from({ length: 250 }, (_, i) => hold(`${app.url}/api/kv/keys?prefix=${encodeURIComponent(`${p}/k${i % 30}`)}`)));
      // Meanwhile a check flips: the overview, on its own stream, must show it.
      await consul.setCheck(`${p}-flipnode`, { id: "http", status: "critical", serviceId: flip });
      await overview.expectService(flip, "0/1", "DOWN");
      const flipMs = Date.now() - started;
      const [s, k] = await Promise.all([streams, searches]);
      const peak = proxy.connections().peak;
      console.log(
        `flood: peak ${peak} concurrent connections to Consul (cap 100); streams ${JSON.stringify(tally(s))}; searches ${JSON.stringify(tally(k))}; ` +
          `Consul 429s ${proxy.statusCount(429)}; check flip seen on the overview ${flipMs} ms after the flood began`,
      );
      for (const h of s) h.close();
      expect(peak).toBeLessThanOrEqual(100);
      expect(proxy.statusCount(429)).toBe(0);
      // Registered services stream (up to the cap of 64, then 503); ghosts are 404; nothing else.
      expect(tally(s)[200]).toBe(64);
      expect(tally(s)[503]).toBe(16);
      expect(tally(s)[404]).toBe(220);
      // Searches queue (4 at a time, 64 waiting) and the rest are told to try again: 200 or 503 only.
      expect((tally(k)[200] ?? 0) + (tally(k)[503] ?? 0)).toBe(250);
      expect(tally(k)[200]).toBeGreaterThanOrEqual(68);
    } finally {
      await proxy.close();
    }
  });
});
