/**
 * What the benchmark watches in a real Chromium page, for our overview and for Consul's own UI
 * alike: when a service's health shows a new value in the DOM, and how many bytes the page received.
 */
import type { Page } from "@playwright/test";

/** Which product's DOM to read: our row's healthy/total cell, or Consul's UI's health class on its list item. */
export type DomKind = "ours" | "consul-ui";

interface Change {
  name: string;
  value: string;
  at: number;
}
type ProbeWindow = Window & { __changes?: Change[]; __watch?: (names: string[]) => void };

/**
 * Records, for each watched service, every new value its row shows (with the time it
 * appeared), from a MutationObserver: no polling interval adds to the latency measured.
 */
export async function installDomProbe(page: Page, kind: DomKind, names: string[]): Promise<void> {
  // tsx compiles with keepNames, which wraps named inner functions in a `__name` helper the page lacks.
  await page.evaluate("globalThis.__name ??= (f) => f");
  await page.evaluate(
    ([k, watched]) => {
      const w = window as ProbeWindow;
      const read = (name: string): string | null => {
        if (k === "ours") return document.querySelector(`[data-service="${name}"] [data-testid=healthy-total]`)?.textContent ?? null;
        const link = document.querySelector(`a[href$="/services/${name}"]`);
        return link?.closest("li")?.querySelector(".header dl")?.className ?? null;
      };
      const last = new Map<string, string | null>();
      w.__changes = [];
      const scan = () => {
        const at = Date.now();
        for (const n of watched) {
          const v = read(n);
          if (v !== last.get(n)) {
            last.set(n, v);
            if (v !== null) w.__changes?.push({ name: n, value: v, at });
          }
        }
      };
      scan();
      new MutationObserver(scan).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    },
    [kind, names] as const,
  );
}

/** Resolves with the time (ms epoch) the service first showed `value` at or after `since`. */
export async function waitForDomValue(page: Page, name: string, value: string, since: number, timeoutMs = 30_000): Promise<number> {
  const handle = await page.waitForFunction(
    ([n, v, t]) => (window as ProbeWindow).__changes?.find((c) => c.name === n && c.at >= t && c.value === v)?.at,
    [name, value, since] as const,
    { timeout: timeoutMs },
  );
  return Number(await handle.jsonValue());
}

export interface ByteMeter {
  /** Bytes received over the network (as encoded on the wire) since the last reset. */
  bytes(): number;
  /** The same responses decoded (gzip undone): what the page had to parse. */
  decoded(): number;
  reset(): void;
}

/**
 * Counts what the page receives through Chrome's network events: streamed chunks as they
 * come (an SSE stream never finishes), topped up to the total when a response finishes.
 */
export async function meterBytes(page: Page): Promise<ByteMeter> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Network.enable");
  // Finished responses count their wire total (headers too); a stream that never finishes (SSE)
  // counts its chunks: Chrome reports an EventSource's chunks decoded only, which is the same here.
  let finished = 0;
  let decoded = 0;
  const open = new Map<string, { enc: number; dec: number; before: number }>();
  const counted = (r: { enc: number; dec: number }) => (r.enc > 0 ? r.enc : r.dec);
  cdp.on("Network.dataReceived", (e) => {
    const r = open.get(e.requestId) ?? { enc: 0, dec: 0, before: 0 };
    r.enc += e.encodedDataLength;
    r.dec += e.dataLength;
    decoded += e.dataLength;
    open.set(e.requestId, r);
  });
  cdp.on("Network.loadingFinished", (e) => {
    const r = open.get(e.requestId);
    finished += Math.max(0, e.encodedDataLength - (r?.before ?? 0));
    open.delete(e.requestId);
  });
  return {
    bytes: () => finished + [...open.values()].reduce((n, r) => n + counted(r) - r.before, 0),
    decoded: () => decoded,
    reset: () => {
      finished = 0;
      decoded = 0;
      for (const r of open.values()) r.before = counted(r);
    },
  };
}
