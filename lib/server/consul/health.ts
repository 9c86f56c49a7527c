import "server-only";
import { z } from "zod";
import { Interner } from "@/lib/health/interner";
import { nameProblem } from "@/lib/health/names";
import type { NodeAddress } from "@/lib/health/nodes";
import type { HealthCheck, ServiceInstance } from "@/lib/health/types";
import type { ConsulClient, ReadOptions, Result } from "./client";
import { isConsulError } from "./errors";
import { consulPath } from "./paths";
import { toHealthCheck, toInstance } from "./reshape";
import {
  ConsulCatalogService,
  ConsulCatalogServices,
  ConsulDatacenters,
  ConsulServiceEntries,
  ConsulUiNodes,
  type ConsulUiNodeServices,
} from "./schemas";

export interface HealthInputs {
  instances: ServiceInstance[];
  /** Every node with its address, nodes without services too (when the reader knows them). */
  nodes?: NodeAddress[];
  checks: HealthCheck[];
  /** Which endpoint answered: Consul UI's internal one, or the public fallback. */
  source: "ui-nodes" | "public";
}

/** Every instance and every check of a datacenter in one call (what Consul's own UI uses). */
export async function readUiNodes(client: ConsulClient, opts: ReadOptions = {}): Promise<Result<HealthInputs>> {
  const { data, meta } = await client.getJson(consulPath("internal", "ui", "nodes"), ConsulUiNodes, opts);
  return { data: fromUiNodes(data), meta };
}

export function fromUiNodes(nodes: ReturnType<typeof ConsulUiNodes.parse>): HealthInputs {
  const instances: ServiceInstance[] = [];
  const checks: HealthCheck[] = [];
  for (const node of nodes) {
    for (const s of node.Services) instances.push(toInstance(node, s));
    for (const c of node.Checks) checks.push(toHealthCheck(c));
  }
  return { instances, checks, source: "ui-nodes" };
}

/** Every service instance of a datacenter from the membership-only read of /v1/internal/ui/nodes. */
export function instancesFromUiNodes(nodes: ReturnType<typeof ConsulUiNodeServices.parse>, intern?: Interner): ServiceInstance[] {
  const instances: ServiceInstance[] = [];
  for (const node of nodes) for (const s of node.Services) instances.push(toInstance(node, s, intern));
  return instances;
}

/** The same inputs from documented endpoints only: one catalog call plus one health call per service. */
export async function readPublicHealth(client: ConsulClient, opts: ReadOptions = {}): Promise<Result<HealthInputs>> {
  const services = await client.getJson(consulPath("catalog", "services"), ConsulCatalogServices, opts);
  const instances: ServiceInstance[] = [];
  const checks = new Map<string, HealthCheck>();
  // A name no Consul URL can carry (Consul registers "a/b" or "..") cannot be read one by one: skipped.
  const names = Object.keys(services.data).filter((n) => nameProblem(n) === null);
  const intern = new Interner();
  const worker = async () => {
    for (let name = names.shift(); name !== undefined; name = names.shift()) {
      const { data } = await client.getJson(consulPath("health", "service", name), ConsulServiceEntries, opts);
      for (const entry of data) {
        instances.push(toInstance(entry.Node, entry.Service, intern));
        // Node checks come once per instance on that node: keep one of each.
        for (const c of entry.Checks) checks.set(`${c.Node}\u0000${c.CheckID}`, toHealthCheck(c));
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(8, names.length) }, worker));
  return { data: { instances, checks: [...checks.values()], source: "public" }, meta: services.meta };
}

/**
 * Health inputs for a datacenter: the UI endpoint when its shape is as expected,
 * the public endpoints when it is missing or changed (it carries no compatibility promise).
 */
export async function readHealthInputs(client: ConsulClient, opts: ReadOptions = {}): Promise<Result<HealthInputs>> {
  try {
    return await readUiNodes(client, opts);
  } catch (err) {
    if (isConsulError(err) && (err.kind === "parse" || (err.kind === "http" && err.status === 404))) {
      return readPublicHealth(client, opts);
    }
    throw err;
  }
}

export async function readDatacenters(client: ConsulClient, opts: Pick<ReadOptions, "signal" | "token"> = {}) {
  return client.getJson(consulPath("catalog", "datacenters"), ConsulDatacenters, opts);
}

/** Whether the catalog lists any instance of a service (one non-blocking read). */
export async function isServiceRegistered(client: ConsulClient, name: string, opts: ReadOptions = {}): Promise<boolean> {
  const { data } = await client.getJson(consulPath("catalog", "service", name), ConsulCatalogService, opts);
  return data.length > 0;
}

/** The leader's address, "" when the datacenter has none (`/v1/status/leader` needs no ACL). */
export async function readLeader(client: ConsulClient, opts: ReadOptions = {}): Promise<string> {
  const { data } = await client.getJson(consulPath("status", "leader"), z.string(), opts);
  return data;
}
