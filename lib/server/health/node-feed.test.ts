import { afterEach, describe, expect, it, vi } from "vitest";
import { readMeta } from "../consul/transport";
import { DcWatch } from "../watch/dc-watch";
import { chk, inst, round, scriptedSource } from "../watch/test-source";
import { NodeFeed } from "./node-feed";

const watches: DcWatch[] = [];
afterEach(async () => {
  await Promise.all(watches.splice(0).map((w) => w.stop()));
});

describe("NodeFeed", () => {
  it("derives nodes from the watch's rounds, one generation per change, with only the nodes that changed", async () => {
    const instances = [inst("web", "n1", "web-1"), inst("web", "n2", "web-2")];
    const s = scriptedSource([round("1", instances, [])]);
    const w = new DcWatch("dc1", s.source, { maxBackoffMs: 20, minIntervalMs: 0 }).start();
    watches.push(w);
    const feed = new NodeFeed(w);
    await vi.waitFor(() => expect(w.ready).toBe(true));
    expect(feed.nodes().map((n) => [n.name, n.status, n.unhealthy])).toEqual([
      ["n1", "passing", 0],
      ["n2", "passing", 0],
    ]);
    expect(feed.refresh().gen).toBe(feed.generation);
  });

  it("moves one generation per change, carrying only the nodes that changed", () => {
    const instances = [inst("web", "n1", "web-1"), inst("web", "n2", "web-2")];
    let inputs = { instances, nodes: [{ name: "n3", address: "10.0.0.3" }], checks: [chk("n1", "x", "passing")], version: 1 };
    const feed = new NodeFeed({ rawInputs: () => inputs } as unknown as DcWatch);
    const g1 = feed.refresh().gen;
    expect(feed.nodes().map((n) => n.name)).toEqual(["n1", "n2", "n3"]);
    // Same version: nothing recomputed, no new generation.
    expect(feed.refresh().gen).toBe(g1);
    inputs = { ...inputs, checks: [chk("n2", "disk", "critical")], version: 2 };
    const g = feed.refresh();
    expect(g.gen).toBe(g1 + 1);
    expect(g.changed.map((n) => [n.name, n.status, n.unhealthy])).toEqual([["n2", "critical", 1]]);
    inputs = { ...inputs, nodes: [], instances: [instances[0]!], version: 3 };
    expect(feed.refresh()).toMatchObject({ gen: g1 + 2, removed: ["n2", "n3"] });
  });
});

describe("readMeta", () => {
  it("reads Consul's ACL-filtered header (Node gives header names lower-cased)", () => {
    expect(readMeta({ "x-consul-results-filtered-by-acls": "true", "x-consul-index": "7" })).toMatchObject({ index: "7", filteredByAcls: true });
    expect(readMeta({}).filteredByAcls).toBe(false);
  });
});
