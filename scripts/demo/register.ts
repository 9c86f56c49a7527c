import { type AgentServiceRegistration, type SeedApi, type TxnOp, txnOp } from "../consul/seed-api";
import type { AgentServiceSpec, DemoInstance, DemoNode } from "./estate";

/** Catalog writes for the synthetic estate as txn operations: nodes first, then services, then checks. */
export function catalogTxnOps(nodes: DemoNode[], instances: DemoInstance[]): TxnOp[] {
  const ops: TxnOp[] = [];
  for (const n of nodes) {
    ops.push(txnOp.setNode(n.name, n.address, n.meta));
    for (const c of n.checks) ops.push(txnOp.setCheck(n.name, c));
  }
  for (const i of instances) ops.push(txnOp.setService(i.node, { ID: i.id, Service: i.service, Port: i.port, Tags: i.tags, Meta: i.meta }));
  // Checks after every service in the batch order, so a check never precedes its service.
  for (const i of instances) for (const c of i.checks) ops.push(txnOp.setCheck(i.node, c));
  return ops;
}

/** The synthetic estate, in order (concurrency 1): a later batch's checks need an earlier batch's services. */
export async function registerCatalog(consul: SeedApi, nodes: DemoNode[], instances: DemoInstance[]): Promise<void> {
  await consul.txnBatches(catalogTxnOps(nodes, instances), 1);
}

/** Where the agent's real checks point: the in-process demo servers. */
export interface DemoTargets {
  httpBase: string;
  tcpAddress: string;
}

function agentServiceBody(spec: AgentServiceSpec, targets: DemoTargets): AgentServiceRegistration {
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

export async function registerAgentServices(consul: SeedApi, specs: AgentServiceSpec[], targets: DemoTargets): Promise<void> {
  for (const spec of specs) {
    await consul.registerAgentService(agentServiceBody(spec, targets));
    if (spec.maintenance) await consul.enableServiceMaintenance(spec.id, spec.maintenance);
  }
}
