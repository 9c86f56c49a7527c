import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { freePort } from "@/scripts/consul/ports";
import { startDevAgent, type DevAgent } from "@/scripts/consul/dev-agent";
import { SeedApi } from "@/scripts/consul/seed-api";
import { ConsulClient } from "./client";
import { ConsulError } from "./errors";
import { readHealthInputs, readPublicHealth, readUiNodes } from "./health";
import { ConsulCatalogServices } from "./schemas";

// Runs against a real dev agent (built on first use); no mocked Consul.
let agent: DevAgent;
let acl: DevAgent;
let client: ConsulClient;

const plain = (url: string, token?: string) => new ConsulClient({ consulUrl: url, token, basicAuth: undefined, tls: undefined });

async function caught(p: Promise<unknown>): Promise<ConsulError> {
  try {
    await p;
  } catch (err) {
    if (err instanceof ConsulError) return err;
    throw err;
  }
  throw new Error("expected a ConsulError");
}

beforeAll(async () => {
  [agent, acl] = await Promise.all([
    startDevAgent(),
    startDevAgent({ hcl: 'acl { enabled = true\n default_policy = "deny"\n tokens { initial_management = "root-secret" } }' }),
  ]);
  client = plain(agent.url);
}, 600_000);

afterAll(async () => {
  await Promise.all([agent?.stop(), acl?.stop()]);
});

describe("ConsulClient against a real agent", () => {
  it("validates JSON and exposes index, known leader and last contact", async () => {
    const { data, meta } = await client.getJson("/v1/catalog/services", ConsulCatalogServices, { stale: true });
    expect(data).toHaveProperty("consul");
    expect(meta.index).toMatch(/^\d+$/);
    expect(meta.knownLeader).toBe(true);
    expect(meta.lastContactMs).toBe(0);
  });

  it("a blocking query returns when the watched data changes, with a higher index", async () => {
    const first = await client.blockingJson("/v1/catalog/services", ConsulCatalogServices);
    const waiting = client.blockingJson("/v1/catalog/services", ConsulCatalogServices, { index: first.nextIndex, waitMs: 30_000 });
    const started = Date.now();
    await new SeedApi(agent.url).catalogRegister({ Node: "blk", Address: "192.0.2.1", Service: { Service: "blocking-svc" } });
    const second = await waiting;
    expect(Date.now() - started).toBeLessThan(10_000);
    expect(second.data).toHaveProperty("blocking-svc");
    expect(BigInt(second.nextIndex)).toBeGreaterThan(BigInt(first.nextIndex));
  });

  it("cancels a blocking query at once when the caller aborts", async () => {
    const first = await client.blockingJson("/v1/catalog/services", ConsulCatalogServices);
    const ctl = new AbortController();
    const waiting = client.blockingJson("/v1/catalog/services", ConsulCatalogServices, { index: first.nextIndex, waitMs: 60_000, signal: ctl.signal });
    const started = Date.now();
    ctl.abort(new Error("viewer left"));
    await expect(waiting).rejects.toThrow("viewer left");
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("gives a timeout error when Consul holds the request past our limit", async () => {
    const first = await client.blockingJson("/v1/catalog/services", ConsulCatalogServices);
    const err = await caught(
      client.blockingJson("/v1/catalog/services", ConsulCatalogServices, { index: first.nextIndex, waitMs: 10_000, timeoutMs: 300 }),
    );
    expect(err.kind).toBe("timeout");
  });

  it("gives a network error naming the address when nothing listens", async () => {
    const port = await freePort();
    const err = await caught(plain(`http://127.0.0.1:${port}`).getJson("/v1/catalog/services", ConsulCatalogServices));
    expect(err.kind).toBe("network");
    expect(err.message).toContain(`127.0.0.1:${port}`);
    expect(err.message).toContain("ECONNREFUSED");
  });

  it("gives a parse error when the answer does not have the expected shape", async () => {
    const err = await caught(client.getJson("/v1/catalog/services", z.array(z.string())));
    expect(err.kind).toBe("parse");
  });

  it("passes ?dc= through and keeps Consul's words for an unknown datacenter", async () => {
    const err = await caught(client.getJson("/v1/catalog/services", ConsulCatalogServices, { dc: "nowhere" }));
    expect(err).toMatchObject({ kind: "http", status: 500 });
    expect(err.message).toMatch(/No path to datacenter/i);
  });

  it("keeps 403 'Permission denied' and 'ACL not found' verbatim", async () => {
    const anon = await caught(plain(acl.url).getJson("/v1/kv/secret", z.unknown()));
    expect(anon).toMatchObject({ kind: "http", status: 403, isPermissionDenied: true });
    expect(anon.message).toMatch(/^Permission denied/);
    const unknown = await caught(plain(acl.url, "00000000-0000-0000-0000-000000000001").getJson("/v1/kv/secret", z.unknown()));
    expect(unknown).toMatchObject({ kind: "http", status: 403 });
    expect(unknown.message).toBe("ACL not found");
    // The server's token is sent and accepted.
    const ok = await plain(acl.url, "root-secret").getJson("/v1/catalog/services", ConsulCatalogServices);
    expect(ok.data).toHaveProperty("consul");
  });

  it("reads the same health inputs from the UI endpoint and the public fallback", async () => {
    await new SeedApi(agent.url).catalogRegister({
      Node: "hn",
      Address: "192.0.2.7",
      Service: { ID: "h-1", Service: "h" },
      Checks: [
        { CheckID: "node-c", Name: "node", Status: "critical" },
        { CheckID: "svc-c", Name: "svc", Status: "passing", ServiceID: "h-1" },
      ],
    });
    const ui = await readUiNodes(client);
    const pub = await readPublicHealth(client);
    const pick = (d: typeof ui.data) => ({
      inst: d.instances.find((i) => i.id === "h-1"),
      checks: d.checks.filter((c) => c.node === "hn").map((c) => c.checkId).sort(),
    });
    expect(pick(ui.data)).toEqual(pick(pub.data));
    expect(pick(ui.data).inst).toMatchObject({ address: "192.0.2.7", node: "hn", service: "h" });
    expect((await readHealthInputs(client)).data.source).toBe("ui-nodes");
  });
});
