/** Registers S services × I instances (one passing check each) through /v1/txn, 128 operations per transaction. */
import { type SeedApi, type TxnOp, txnOp } from "../consul/seed-api";

export interface SeedLayout {
  services: number;
  instances: number;
  /** Instances per synthetic node. */
  perNode?: number;
}

export function serviceName(i: number): string {
  return `bench-svc-${String(i).padStart(5, "0")}`;
}

function nodeOf(svc: number, inst: number, layout: SeedLayout): string {
  const flat = svc * layout.instances + inst;
  return `bench-node-${Math.floor(flat / (layout.perNode ?? 50))}`;
}

function instanceId(svc: number, inst: number): string {
  return `${serviceName(svc)}-${inst}`;
}

function checkId(svc: number, inst: number): string {
  return `check-${instanceId(svc, inst)}`;
}

export async function seed(consul: SeedApi, layout: SeedLayout, concurrency = 4): Promise<number> {
  const nodeOps: TxnOp[] = [];
  const ops: TxnOp[] = [];
  const nodes = new Set<string>();
  for (let s = 0; s < layout.services; s++) {
    for (let i = 0; i < layout.instances; i++) {
      const node = nodeOf(s, i, layout);
      if (!nodes.has(node)) {
        nodes.add(node);
        nodeOps.push(txnOp.setNode(node, `10.${(nodes.size >> 8) & 255}.${nodes.size & 255}.1`));
      }
      ops.push(txnOp.setService(node, { ID: instanceId(s, i), Service: serviceName(s), Port: 8000 + i, Tags: [`team-${s % 20}`] }));
      ops.push(txnOp.setCheck(node, { id: checkId(s, i), name: "http", status: "passing", serviceId: instanceId(s, i), output: "HTTP 200" }));
    }
  }
  // Nodes first: a service on a node another concurrent transaction has not yet created would fail.
  await consul.txnBatches(nodeOps, concurrency);
  await consul.txnBatches(ops, concurrency);
  return nodeOps.length + ops.length;
}

/** Sets one instance's check, as a health change in Consul would. */
export async function setCheck(consul: SeedApi, layout: SeedLayout, svc: number, inst: number, status: "passing" | "critical") {
  const check = { id: checkId(svc, inst), name: "http", status, serviceId: instanceId(svc, inst), output: `HTTP ${status}` };
  await consul.updateCheck(nodeOf(svc, inst, layout), check);
}
