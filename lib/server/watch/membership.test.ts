import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevAgent, type DevAgent } from "@/scripts/consul/dev-agent";
import { SeedApi } from "@/scripts/consul/seed-api";
import { ConsulClient } from "../consul/client";
import { instancesFromUiNodes } from "../consul/health";
import { ConsulCatalogServices, ConsulUiNodeServices } from "../consul/schemas";
import { chunk, filterString, nodeFilter, readInstancesInSlices, sliceSize } from "../consul/membership";

describe("filter literals", () => {
  it("escapes quotes as \\u0022 and backslashes as Go does", () => {
    expect(filterString("web-1")).toBe('"web-1"');
    expect(filterString('a"b\\c')).toBe('"a\\u0022b\\\\c"');
    expect(filterString('x\\"')).toBe('"x\\\\\\u0022"');
    expect(filterString("tab\there")).toBe('"tab\\there"');
  });

  it("joins node equalities with or", () => {
    expect(nodeFilter(["n1", "n2"])).toBe('Node == "n1" or Node == "n2"');
  });

  it("chunks a list, and refuses a size that would loop", () => {
    expect(chunk([1, 2, 3, 4, 5], 2)).toEqual([[1, 2], [3, 4], [5]]);
    expect(chunk([], 3)).toEqual([]);
    expect(() => chunk([1], 0)).toThrow(/positive integer/);
  });

  it("keeps slices at their least size until the slice count would pass its cap", () => {
    const opts = { nodesPerSlice: 100, maxSlices: 16 };
    expect(sliceSize(0, opts)).toBe(100);
    expect(sliceSize(1_000, opts)).toBe(100);
    expect(sliceSize(1_600, opts)).toBe(100);
    expect(sliceSize(10_000, opts)).toBe(625);
    expect(sliceSize(5, { nodesPerSlice: 1, maxSlices: 2 })).toBe(3);
  });
});

// Runs against a real dev agent; no mocked Consul.
let agent: DevAgent;
let client: ConsulClient;
const abort = new AbortController();
// Odd but accepted by Consul 1.22 as node names: each must come back from its own filter.
const nodes = ["ms-a", 'ms-quote"d', "ms-back\\slash", "ms-b", "ms-c"];

async function register(node: string, id: string, service: string): Promise<void> {
  await new SeedApi(agent.url).catalogRegister({ Node: node, Address: "192.0.2.1", Service: { ID: id, Service: service, Port: 80, Tags: [node] } });
}

beforeAll(async () => {
  agent = await startDevAgent();
  client = new ConsulClient({ consulUrl: agent.url, token: undefined, basicAuth: undefined, tls: undefined });
  for (const [i, n] of nodes.entries()) {
    await register(n, `web-${i}`, "web");
    await register(n, `db-${i}`, "db");
  }
}, 600_000);

afterAll(async () => {
  abort.abort();
  await agent?.stop();
});

describe("readInstancesInSlices against a real agent", () => {
  const key = (i: { node: string; id: string }) => `${i.node}/${i.id}`;

  it("reads the same instances as one whole /v1/internal/ui/nodes, however the nodes are sliced", async () => {
    const whole = await client.getJson("/v1/internal/ui/nodes", ConsulUiNodeServices, { signal: abort.signal });
    const expected = instancesFromUiNodes(whole.data);
    expect(expected.map(key)).toEqual(expect.arrayContaining(['ms-quote"d/web-1', "ms-back\\slash/db-2"]));
    for (const nodesPerSlice of [1, 2, 100]) {
      const r = await readInstancesInSlices(client, { dc: undefined, signal: abort.signal }, { nodesPerSlice, maxSlices: 100, concurrency: 2 });
      expect(r.instances.map(key).sort()).toEqual(expected.map(key).sort());
      expect(r.instances.find((i) => i.id === "web-1")).toMatchObject({ node: 'ms-quote"d', service: "web", port: 80, tags: ['ms-quote"d'] });
    }
  }, 60_000);

  it("returns an index that a later registration moves /v1/catalog/services past", async () => {
    const r = await readInstancesInSlices(client, { dc: undefined, signal: abort.signal }, { nodesPerSlice: 2, maxSlices: 100, concurrency: 2 });
    expect(r.index).toMatch(/^[1-9]\d*$/);
    const pending = client.blockingJson("/v1/catalog/services", ConsulCatalogServices, { signal: abort.signal, index: r.index, waitMs: 10_000 });
    await register("ms-late", "late-1", "late");
    const answer = await pending;
    expect(BigInt(answer.nextIndex)).toBeGreaterThan(BigInt(r.index));
    expect(Object.keys(answer.data)).toContain("late");
  }, 60_000);
});
