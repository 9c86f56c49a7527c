import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevAgent, type DevAgent } from "@/scripts/consul/dev-agent";
import { SeedApi } from "@/scripts/consul/seed-api";
import { provisionalSummaries } from "@/lib/health/provisional";
import { ConsulClient } from "./client";
import { readHealthInputs } from "./health";
import { readNonPassingChecks, readServiceCounts } from "./service-counts";
import { rollup } from "@/lib/health/rollup";

let agent: DevAgent;
const client = () => new ConsulClient({ consulUrl: agent.url, token: undefined, basicAuth: undefined, tls: undefined });

beforeAll(async () => {
  agent = await startDevAgent();
  const seed = new SeedApi(agent.url);
  await seed.registerInstance({ node: "pc-n1", id: "pc-web-1", service: "pc-web", tags: ["prod"] }, [{ id: "http", status: "passing" }]);
  await seed.registerInstance({ node: "pc-n2", id: "pc-web-2", service: "pc-web", tags: ["prod"] }, [{ id: "http", status: "critical" }]);
  await seed.registerInstance({ node: "pc-n3", id: "pc-db-1", service: "pc-db" }, [{ id: "http", status: "passing" }]);
  await seed.setCheck("pc-n3", { id: "serfHealth-pc", status: "critical" });
}, 60_000);

afterAll(async () => {
  await agent?.stop();
});

describe("provisional overview against a real agent", () => {
  it("reads Consul UI's service counts and the non-passing checks, and agrees with the full rollup", async () => {
    const counts = await readServiceCounts(client());
    expect(counts?.find((s) => s.name === "pc-web")).toMatchObject({ instances: 2, tags: ["prod"] });
    const checks = await readNonPassingChecks(client());
    expect(checks.every((c) => c.status !== "passing")).toBe(true);
    const provisional = provisionalSummaries(counts ?? [], checks, new Date().toISOString());
    const { data } = await readHealthInputs(client());
    const full = rollup(data.instances, data.checks);
    for (const s of full) {
      const p = provisional.find((x) => x.name === s.name);
      expect({ name: p?.name, healthy: p?.healthy, total: p?.total, status: p?.status }).toEqual({ name: s.name, healthy: s.healthy, total: s.total, status: s.status });
    }
  });
});
