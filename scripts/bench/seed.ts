/** Registers S services × I instances (one passing check each) through /v1/txn, 128 operations per transaction. */
export interface SeedLayout {
  services: number;
  instances: number;
  /** Instances per synthetic node. */
  perNode?: number;
}

export function serviceName(i: number): string {
  return `bench-svc-${String(i).padStart(5, "0")}`;
}

export function nodeOf(svc: number, inst: number, layout: SeedLayout): string {
  const flat = svc * layout.instances + inst;
  return `bench-node-${Math.floor(flat / (layout.perNode ?? 50))}`;
}

export function instanceId(svc: number, inst: number): string {
  return `${serviceName(svc)}-${inst}`;
}

export function checkId(svc: number, inst: number): string {
  return `check-${instanceId(svc, inst)}`;
}

type Op = Record<string, unknown>;

export async function seed(consulUrl: string, layout: SeedLayout, concurrency = 4): Promise<number> {
  const nodeOps: Op[] = [];
  const ops: Op[] = [];
  const nodes = new Set<string>();
  for (let s = 0; s < layout.services; s++) {
    for (let i = 0; i < layout.instances; i++) {
      const node = nodeOf(s, i, layout);
      if (!nodes.has(node)) {
        nodes.add(node);
        nodeOps.push({ Node: { Verb: "set", Node: { Node: node, Address: `10.${(nodes.size >> 8) & 255}.${nodes.size & 255}.1` } } });
      }
      ops.push({
        Service: { Verb: "set", Node: node, Service: { ID: instanceId(s, i), Service: serviceName(s), Port: 8000 + i, Tags: [`team-${s % 20}`] } },
      });
      ops.push({
        Check: {
          Verb: "set",
          Check: { Node: node, CheckID: checkId(s, i), Name: "http", Status: "passing", ServiceID: instanceId(s, i), Output: "HTTP 200" },
        },
      });
    }
  }
  // Nodes first: a service on a node another concurrent transaction has not yet created would fail.
  await runBatches(consulUrl, nodeOps, concurrency);
  await runBatches(consulUrl, ops, concurrency);
  return nodeOps.length + ops.length;
}

async function runBatches(consulUrl: string, ops: Op[], concurrency: number): Promise<void> {
  const batches: Op[][] = [];
  for (let i = 0; i < ops.length; i += 128) batches.push(ops.slice(i, i + 128));
  const worker = async () => {
    for (let b = batches.shift(); b; b = batches.shift()) {
      const res = await fetch(`${consulUrl}/v1/txn`, { method: "PUT", body: JSON.stringify(b) });
      if (!res.ok) throw new Error(`txn failed: ${res.status} ${await res.text()}`);
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
}

/** Sets one instance's check, as a health change in Consul would. */
export async function setCheck(consulUrl: string, layout: SeedLayout, svc: number, inst: number, status: "passing" | "critical") {
  const node = nodeOf(svc, inst, layout);
  const res = await fetch(`${consulUrl}/v1/catalog/register`, {
    method: "PUT",
    body: JSON.stringify({
      Node: node,
      SkipNodeUpdate: true,
      Check: { Node: node, CheckID: checkId(svc, inst), Name: "http", Status: status, ServiceID: instanceId(svc, inst), Output: `HTTP ${status}` },
    }),
  });
  if (!res.ok) throw new Error(`register failed: ${res.status} ${await res.text()}`);
}
