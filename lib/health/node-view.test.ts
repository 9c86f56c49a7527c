import { describe, expect, it } from "vitest";
import type { NodeSummary } from "@/lib/api/nodes";
import { applyNodesDelta, applyNodesSnapshot, filterAndSortNodes, nodesSearch, parseNodesParams } from "./node-view";

const node = (name: string, over: Partial<NodeSummary> = {}): NodeSummary => ({
  name,
  address: "10.0.0.1",
  status: "passing",
  failingChecks: [],
  instances: 1,
  unhealthy: 0,
  services: [],
  ...over,
});

describe("node view", () => {
  it("puts problems first: critical, maintenance, warning, unhealthy instances, then fine", () => {
    const rows = [node("a"), node("b", { unhealthy: 1 }), node("c", { status: "warning" }), node("d", { status: "maintenance" }), node("e", { status: "critical" })];
    expect(filterAndSortNodes(rows, { q: "", status: undefined, sort: "problems" }).map((n) => n.name)).toEqual(["e", "d", "c", "b", "a"]);
  });

  it("searches name, address and services; filters by status", () => {
    const rows = [node("web-1", { services: ["web"] }), node("db-1", { address: "10.9.9.9", services: ["pg"], status: "critical" })];
    expect(filterAndSortNodes(rows, { q: "PG", status: undefined, sort: "name" }).map((n) => n.name)).toEqual(["db-1"]);
    expect(filterAndSortNodes(rows, { q: "10.9", status: undefined, sort: "name" }).map((n) => n.name)).toEqual(["db-1"]);
    expect(filterAndSortNodes(rows, { q: "", status: "passing", sort: "name" }).map((n) => n.name)).toEqual(["web-1"]);
  });

  it("keeps view state in the URL, leniently", () => {
    const p = parseNodesParams(new URLSearchParams("dc=dc2&q=x&status=CRITICAL&sort=bogus"));
    expect(p).toEqual({ dc: "dc2", q: "x", status: "critical", sort: "problems" });
    expect(nodesSearch({ ...p, sort: "instances" })).toBe("?dc=dc2&q=x&status=critical&sort=instances");
    expect(nodesSearch({ dc: undefined, q: "", status: undefined, sort: "problems" })).toBe("");
  });

  it("merges snapshots and deltas", () => {
    const s = applyNodesSnapshot({ dc: null, state: { status: "live", since: "", message: null, lastUpdate: null, lastContactMs: null, source: null, filteredByAcls: false }, nodes: [node("a"), node("b")] });
    const d = applyNodesDelta(s, { changed: [node("a", { status: "critical" })], removed: ["b"] });
    expect(Object.keys(d?.nodes ?? {})).toEqual(["a"]);
    expect(d?.nodes.a?.status).toBe("critical");
    expect(applyNodesDelta(undefined, { changed: [], removed: [] })).toBeUndefined();
  });
});
