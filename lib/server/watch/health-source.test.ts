import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startDevAgent, type DevAgent } from "@/scripts/consul/dev-agent";
import { type CheckStatus, SeedApi } from "@/scripts/consul/seed-api";
import { ConsulClient } from "../consul/client";
import { consulHealthSource, consulServiceSource, type HealthSource, type SourceRound } from "./health-source";

// Runs against a real dev agent; no mocked Consul.
let agent: DevAgent;
let client: ConsulClient;
let seed: SeedApi;
const abort = new AbortController();

const check = (node: string, id: string, status: CheckStatus, serviceId = "") => ({ Node: node, CheckID: id, Name: id, Status: status, ServiceID: serviceId, Output: `out ${status}` });

async function register(node: string, id: string, service: string, checks: ReturnType<typeof check>[] = []) {
  await seed.catalogRegister({ Node: node, Address: "192.0.2.1", Service: { ID: id, Service: service, Port: 80 }, Checks: checks });
}

/** Rounds until `probe` holds; each round is one real blocking answer, bounded by a deadline. */
async function roundsUntil(source: HealthSource, from: SourceRound, probe: (r: SourceRound) => boolean, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  let r = from;
  const seen: SourceRound[] = [];
  while (!probe(r)) {
    if (Date.now() > deadline) throw new Error("condition not met in time");
    r = await source(r.nextIndex, abort.signal);
    seen.push(r);
  }
  return { last: r, seen };
}

beforeAll(async () => {
  agent = await startDevAgent();
  seed = new SeedApi(agent.url);
  client = new ConsulClient({ consulUrl: agent.url, token: undefined, basicAuth: undefined, tls: undefined });
  await register("hs-n1", "web-1", "web", [check("hs-n1", "http", "passing", "web-1")]);
  await register("hs-n2", "web-2", "web", [check("hs-n2", "http", "passing", "web-2")]);
}, 600_000);

afterAll(async () => {
  abort.abort();
  await agent?.stop();
});

describe("consulHealthSource against a real agent", () => {
  it("reads only non-passing checks, and re-reads instances only when the catalog changes", async () => {
    const source = consulHealthSource(client, undefined, 5_000);
    const r0 = await source("0", abort.signal);
    expect(r0.inputs.source).toBe("ui-nodes");
    expect(r0.inputs.instances.filter((i) => i.service === "web").map((i) => i.id).sort()).toEqual(["web-1", "web-2"]);
    expect(r0.inputs.checks.filter((c) => c.status === "passing")).toEqual([]);

    // A check flip: the health query answers with just that check; the instance list is not read again.
    const flip = seed.catalogRegister({ Node: "hs-n1", SkipNodeUpdate: true, Check: check("hs-n1", "http", "critical", "web-1") });
    const { last: r1 } = await roundsUntil(source, r0, (r) => r.inputs.checks.some((c) => c.node === "hs-n1" && c.checkId === "http"));
    await flip;
    expect(r1.inputs.checks).toEqual([expect.objectContaining({ node: "hs-n1", checkId: "http", status: "critical", serviceId: "web-1" })]);
    expect(r1.inputs.instances).toBe(r0.inputs.instances);

    // A registration without any check moves only the catalog: seen too, with a new instance list.
    await register("hs-n3", "cache-1", "cache");
    const { last: r2 } = await roundsUntil(source, r1, (r) => r.inputs.instances.some((i) => i.id === "cache-1"));
    expect(r2.inputs.instances).not.toBe(r0.inputs.instances);
    expect(r2.inputs.checks).toHaveLength(1);

    // Back to passing: the non-passing set is empty again.
    await seed.catalogRegister({ Node: "hs-n1", SkipNodeUpdate: true, Check: check("hs-n1", "http", "passing", "web-1") });
    const { last: r3 } = await roundsUntil(source, r2, (r) => r.inputs.checks.length === 0);
    expect(r3.inputs.instances).toBe(r2.inputs.instances);
  }, 60_000);

  it("a service's own watch has every check of its instances, passing ones and node checks too", async () => {
    await seed.catalogRegister({ Node: "hs-n2", SkipNodeUpdate: true, Check: check("hs-n2", "mem", "passing") });
    const source = consulServiceSource(client, undefined, 5_000);
    const r = await source("web", "0", abort.signal);
    expect(r.checks.map((c) => `${c.node}/${c.checkId}/${c.status}`).sort()).toEqual(["hs-n1/http/passing", "hs-n2/http/passing", "hs-n2/mem/passing"]);
    expect(r.nextIndex).not.toBe("0");
    // It blocks until that service's health changes.
    const next = source("web", r.nextIndex, abort.signal);
    await seed.catalogRegister({ Node: "hs-n2", SkipNodeUpdate: true, Check: check("hs-n2", "http", "warning", "web-2") });
    expect((await next).checks.find((c) => c.node === "hs-n2" && c.checkId === "http")).toMatchObject({ status: "warning", output: "out warning" });
  }, 60_000);
});
