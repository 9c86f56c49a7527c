import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { ServiceCount } from "@/lib/health/provisional";
import type { DcWatch } from "./dc-watch";

// The two Consul reads, answered by the test; everything else is the real module.
const reads = vi.hoisted(() => ({ counts: [] as ((v: ServiceCount[] | Error) => void)[], calls: 0 }));
vi.mock("../consul", () => ({ getConsulClient: () => ({}) }));
vi.mock("../consul/service-counts", () => ({
  readServiceCounts: () => {
    reads.calls++;
    return new Promise<ServiceCount[]>((resolve, reject) => reads.counts.push((v) => (v instanceof Error ? reject(v) : resolve(v))));
  },
  readNonPassingChecks: () => Promise.resolve([]),
}));
vi.mock("../log", () => ({ log: { warn: () => {} } }));
vi.mock("../config", () => ({ getConfig: () => ({ watch: { warm: true } }) }));

const { provisionalRows, PROVISIONAL_WAIT_MS } = await import("./provisional");
const { startEarlyRead } = await import("./early-read");

const web = (n: number): ServiceCount[] => [{ name: "web", tags: [], nodes: ["n1"], instances: n }];
const answer = (v: ServiceCount[] | Error) => reads.counts.shift()?.(v);
const fakeWatch = () => ({ dc: undefined }) as unknown as DcWatch;

beforeEach(() => {
  vi.useFakeTimers();
  reads.counts = [];
  reads.calls = 0;
});
afterEach(() => vi.useRealTimers());

describe("provisionalRows", () => {
  it("the local datacenter's first read takes the one start-up began: once, not for another datacenter, not once 5 s old", async () => {
    startEarlyRead();
    expect(reads.calls).toBe(1);
    const remote = provisionalRows({ dc: "dc2" } as unknown as DcWatch);
    expect(reads.calls).toBe(2);
    const local = provisionalRows(fakeWatch());
    expect(reads.calls).toBe(2);
    answer(web(7)); // the start-up read
    answer(web(3));
    expect((await local)?.rows[0]?.total).toBe(7);
    expect((await remote)?.rows[0]?.total).toBe(3);
    void provisionalRows(fakeWatch());
    expect(reads.calls).toBe(3);

    startEarlyRead();
    await vi.advanceTimersByTimeAsync(5_000);
    void provisionalRows(fakeWatch());
    expect(reads.calls).toBe(5);
  });

  it("gives up waiting after waitMs, while the same read still answers a later caller", async () => {
    const w = fakeWatch();
    const page = provisionalRows(w);
    const stream = provisionalRows(w, 15_000);
    await vi.advanceTimersByTimeAsync(PROVISIONAL_WAIT_MS);
    expect(await page).toBeUndefined();
    answer(web(10));
    expect((await stream)?.rows.map((r) => [r.name, r.healthy, r.total])).toEqual([["web", 10, 10]]);
    expect(reads.calls).toBe(1);
  });

  it("serves the last read at once, renews it behind after 5 s, and stops serving it after 60 s", async () => {
    const w = fakeWatch();
    const first = provisionalRows(w);
    answer(web(10));
    const a = await first;
    await vi.advanceTimersByTimeAsync(1_000);
    expect(await provisionalRows(w)).toBe(a);
    expect(reads.calls).toBe(1);

    await vi.advanceTimersByTimeAsync(5_000);
    expect(await provisionalRows(w)).toBe(a); // served while the renewal is read
    expect(reads.calls).toBe(2);
    answer(web(12));
    await vi.advanceTimersByTimeAsync(0);
    expect((await provisionalRows(w))?.rows[0]?.total).toBe(12);

    await vi.advanceTimersByTimeAsync(61_000);
    const late = provisionalRows(w); // too old to serve: waits for the new read
    await vi.advanceTimersByTimeAsync(PROVISIONAL_WAIT_MS);
    expect(await late).toBeUndefined();
  });

  it("does not retry a failed read on every render", async () => {
    const w = fakeWatch();
    const first = provisionalRows(w);
    answer(new Error("connection refused"));
    expect(await first).toBeUndefined();
    expect(await provisionalRows(w)).toBeUndefined();
    expect(reads.calls).toBe(1);
    await vi.advanceTimersByTimeAsync(5_000);
    void provisionalRows(w);
    expect(reads.calls).toBe(2);
  });
});
