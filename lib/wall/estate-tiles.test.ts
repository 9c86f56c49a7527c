import { describe, expect, it } from "vitest";
import type { DatacenterRow } from "@/lib/api/estate";
import { datacenterLine, estateTileServices } from "./estate-tiles";

const row = (over: Partial<DatacenterRow> = {}): DatacenterRow => ({
  name: "dc2",
  state: { status: "live", since: "", message: null, lastUpdate: null, lastContactMs: 0, source: null, filteredByAcls: false },
  ready: true,
  totals: { services: 3, OK: 1, DEGRADED: 1, DOWN: 1 },
  nodes: 2,
  failingNodes: [],
  failingNodeCount: 0,
  cluster: { status: "healthy", checkedAt: null, healthy: true, failureTolerance: 0, leader: "s1", servers: [], message: null },
  ...over,
});

describe("estate wall", () => {
  it("labels tiles with their datacenter", () => {
    const [t] = estateTileServices([{ dc: "dc3", name: "web", tags: [], healthy: 0, total: 1, status: "DOWN", inMaintenance: 0, failingChecks: [], since: "", sinceExact: true }]);
    expect(t?.name).toBe("dc3 · web");
  });

  it("says each datacenter's totals, or that it is unreachable, and when its servers are unhealthy", () => {
    expect(datacenterLine(row())).toEqual({ text: "dc2: 1 DOWN · 1 DEGRADED · 1 OK", bad: true });
    expect(datacenterLine(row({ state: { ...row().state, status: "error", message: "No path to datacenter" } }))).toEqual({ text: "dc2: UNREACHABLE", bad: true });
    const sick = row({ totals: { services: 1, OK: 1, DEGRADED: 0, DOWN: 0 }, cluster: { ...row().cluster, status: "unhealthy", healthy: false } });
    expect(datacenterLine(sick).text).toContain("servers unhealthy");
  });
});
