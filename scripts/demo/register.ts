import { consulCall } from "./consul-http";
import type { AgentServiceSpec, DemoCheck, DemoInstance, DemoNode } from "./estate";

/** Consul's /v1/txn accepts at most this many operations. */
export const TXN_MAX_OPS = 128;

type TxnOp = Record<string, unknown>;

function checkBody(nodeName: string, c: DemoCheck) {
  return { Node: nodeName, CheckID: c.id, Name: c.name, Status: c.status, Output: c.output, ServiceID: c.serviceId ?? "" };
}

/** Catalog writes for the synthetic estate as txn operations: nodes first, then services, then checks. */
export function catalogTxnOps(nodes: DemoNode[], instances: DemoInstance[]): TxnOp[] {
  const ops: TxnOp[] = [];
  for (const n of nodes) {
    ops.push({ Node: { Verb: "set", Node: { Node: n.name, Address: n.address, Meta: n.meta } } });
    for (const c of n.checks) ops.push({ Check: { Verb: "set", Check: checkBody(n.name, c) } });
  }
  for (const i of instances) {
    ops.push({
      Service: { Verb: "set", Node: i.node, Service: { ID: i.id, Service: i.service, Port: i.port, Tags: i.tags, Meta: i.meta } },
    });
  }
  // Checks after every service in the batch order, so a check never precedes its service.
  for (const i of instances) for (const c of i.checks) ops.push({ Check: { Verb: "set", Check: checkBody(i.node, c) } });
  return ops;
}

export function chunk<T>(items: T[], size: number): T[][] {
  if (size < 1) throw new Error(`chunk size must be at least 1, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export async function registerCatalog(agentUrl: string, nodes: DemoNode[], instances: DemoInstance[]): Promise<number> {
  const batches = chunk(catalogTxnOps(nodes, instances), TXN_MAX_OPS);
  // In order: a later batch's checks need an earlier batch's services.
  for (const batch of batches) await consulCall(agentUrl, "PUT", "/v1/txn", batch);
  return batches.length;
}

/** Sets one synthetic check's status without touching its node's address or meta. */
export async function setCatalogCheck(agentUrl: string, node: DemoNode, check: DemoCheck): Promise<void> {
  await consulCall(agentUrl, "PUT", "/v1/catalog/register", {
    Node: node.name,
    Address: node.address,
    SkipNodeUpdate: true,
    Check: checkBody(node.name, check),
  });
}

/** Where the agent's real checks point: the in-process demo servers. */
export interface DemoTargets {
  httpBase: string;
  tcpAddress: string;
}

export function agentServiceBody(spec: AgentServiceSpec, targets: DemoTargets) {
  const check =
    spec.check === "http"
      ? { Name: "HTTP /health", HTTP: `${targets.httpBase}/health/${spec.id}`, Interval: "3s", Timeout: "2s" }
      : { Name: `TCP ${spec.port}`, TCP: targets.tcpAddress, Interval: "3s", Timeout: "1s" };
  return {
    ID: spec.id,
    Name: spec.service,
    Port: spec.port,
    Tags: spec.tags,
    Meta: { version: spec.version, zone: "local" },
    Check: { CheckID: `${spec.id}-${spec.check}`, ...check },
  };
}

export async function registerAgentServices(agentUrl: string, specs: AgentServiceSpec[], targets: DemoTargets): Promise<void> {
  for (const spec of specs) {
    await consulCall(agentUrl, "PUT", "/v1/agent/service/register", agentServiceBody(spec, targets));
    if (spec.maintenance) {
      const q = new URLSearchParams({ enable: "true", reason: spec.maintenance });
      await consulCall(agentUrl, "PUT", `/v1/agent/service/maintenance/${encodeURIComponent(spec.id)}?${q}`);
    }
  }
}
