import { mkdtempSync, readdirSync, readFileSync, utimesSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { HistoryStore } from "./store";

const MIN = 60_000;

function clock(start: number) {
  let t = start;
  return { now: () => t, advance: (ms: number) => (t += ms) };
}

describe("HistoryStore", () => {
  it("keeps per-minute counts and each service's worst status within a minute", () => {
    const c = clock(1_000 * MIN);
    const h = new HistoryStore("unused", 60, c.now);
    h.record("dc1", [{ name: "a", status: "OK" }, { name: "b", status: "OK" }]);
    c.advance(10_000);
    h.record("dc1", [{ name: "a", status: "DOWN" }, { name: "b", status: "OK" }]);
    c.advance(10_000);
    h.record("dc1", [{ name: "a", status: "OK" }, { name: "b", status: "OK" }]);
    c.advance(MIN);
    h.record("dc1", [{ name: "a", status: "DEGRADED" }, { name: "b", status: "OK" }]);
    expect(h.serviceSeries("dc1", "a")).toEqual([
      { t: 1_000 * MIN, status: "DOWN" },
      { t: 1_001 * MIN, status: "DEGRADED" },
    ]);
    expect(h.datacenterSeries("dc1")).toEqual([
      { t: 1_000 * MIN, OK: 2, DEGRADED: 0, DOWN: 0 },
      { t: 1_001 * MIN, OK: 1, DEGRADED: 1, DOWN: 0 },
    ]);
    expect(h.serviceSeries("dc2", "a")).toEqual([]);
  });

  it("stays bounded: only the last `minutes` minutes are kept", () => {
    const c = clock(0);
    const h = new HistoryStore("unused", 30, c.now);
    for (let i = 0; i < 100; i++) {
      h.record("dc1", [{ name: "a", status: i % 2 ? "OK" : "DOWN" }]);
      c.advance(MIN);
    }
    expect(h.serviceSeries("dc1", "a")).toHaveLength(30);
    expect(h.datacenterSeries("dc1")).toHaveLength(30);
    expect(h.serviceSeries("dc1", "a")[0]?.t).toBe(70 * MIN);
  });

  it("survives a restart through its file", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hist-"));
    const c = clock(5_000 * MIN);
    const h = new HistoryStore(dir, 1440, c.now);
    h.record("dc 1/ü", [{ name: "pay", status: "DOWN" }, { name: "web", status: "OK" }]);
    c.advance(3 * MIN);
    h.record("dc 1/ü", [{ name: "pay", status: "OK" }, { name: "web", status: "OK" }]);
    await h.flush();

    const again = new HistoryStore(dir, 1440, c.now);
    await again.load("dc 1/ü");
    expect(again.serviceSeries("dc 1/ü", "pay")).toEqual(h.serviceSeries("dc 1/ü", "pay"));
    expect(again.datacenterSeries("dc 1/ü")).toEqual(h.datacenterSeries("dc 1/ü"));
  });

  it("writes a service whose status never changed as its run, and reads files written before runs", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hist-"));
    const c = clock(9_000 * MIN);
    const h = new HistoryStore(dir, 60, c.now);
    for (let i = 0; i < 5; i++) {
      h.record("dc1", [{ name: "calm", status: "OK" }, { name: "flappy", status: i % 2 ? "DOWN" : "OK" }]);
      c.advance(MIN);
    }
    await h.flush();
    const file = JSON.parse(readFileSync(path.join(dir, "history-dc1.json"), "utf8"));
    expect(file.version).toBe(2);
    expect(file.services.calm).toEqual({ latest: 9_004, from: 9_000, value: 1 });
    expect(typeof file.services.flappy.codes).toBe("string");
    const again = new HistoryStore(dir, 60, c.now);
    await again.load("dc1");
    for (const name of ["calm", "flappy"]) expect(again.serviceSeries("dc1", name)).toEqual(h.serviceSeries("dc1", name));

    // A version 1 file: every service as its slots.
    const slots = (codes: number[]) => Buffer.from(Uint8Array.from({ length: 60 }, (_, i) => codes[i] ?? 0)).toString("base64");
    const words = Buffer.from(new Uint32Array(60).buffer).toString("base64");
    writeFileSync(
      path.join(dir, "history-dc1.json"),
      JSON.stringify({ version: 1, totals: { latest: 61, OK: words, DEGRADED: words, DOWN: words }, services: { old: { latest: 61, codes: slots([0, 3, 1]) } } }),
    );
    const v1 = new HistoryStore(dir, 60, c.now);
    await v1.load("dc1");
    // Slot = minute % 60: minute 61 is slot 1 (DOWN), minute 2 is slot 2 (OK).
    expect(v1.serviceSeries("dc1", "old")).toEqual([
      { t: 2 * MIN, status: "OK" },
      { t: 61 * MIN, status: "DOWN" },
    ]);
  });

  it("ignores a corrupt file instead of failing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hist-"));
    writeFileSync(path.join(dir, "history-dc1.json"), JSON.stringify({ version: 9 }));
    const h = new HistoryStore(dir);
    await h.load("dc1");
    expect(h.datacenterSeries("dc1")).toEqual([]);
  });

  it("removes temp files a killed write left behind, but not one another process may be writing", async () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "history-"));
    const old = path.join(dir, "history-dc1.json.4242.tmp");
    const fresh = path.join(dir, "history-dc1.json.4343.tmp");
    const other = path.join(dir, "history-dc2.json.4242.tmp");
    for (const f of [old, fresh, other]) writeFileSync(f, "{");
    const hourAgo = new Date(Date.now() - 60 * MIN);
    utimesSync(old, hourAgo, hourAgo);
    utimesSync(other, hourAgo, hourAgo);
    await new HistoryStore(dir).load("dc1");
    expect(readdirSync(dir).sort()).toEqual(["history-dc1.json.4343.tmp", "history-dc2.json.4242.tmp"]);
  });

  it("writes synchronously on exit, the local datacenter to its own file", () => {
    const dir = mkdtempSync(path.join(os.tmpdir(), "hist-"));
    const h = new HistoryStore(dir, 60, () => 7 * MIN);
    h.record("", [{ name: "web", status: "DEGRADED" }]);
    h.flushSync();
    expect(readdirSync(dir)).toEqual(["history-@local.json"]);
  });

  it("forgets services not seen for the whole window", () => {
    const c = clock(0);
    const h = new HistoryStore("unused", 10, c.now);
    h.record("dc1", [{ name: "gone", status: "OK" }]);
    for (let i = 0; i < 12; i++) {
      c.advance(MIN);
      h.record("dc1", [{ name: "stays", status: "OK" }]);
    }
    expect(h.serviceSeries("dc1", "gone")).toEqual([]);
    expect(h.serviceSeries("dc1", "stays")).toHaveLength(10);
  });
});
