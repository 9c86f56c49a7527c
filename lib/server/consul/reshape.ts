import "server-only";
import { type Interner, NO_META } from "@/lib/health/interner";
import type { HealthCheck, ServiceInstance } from "@/lib/health/types";
import type { ConsulAgentService, ConsulHealthCheck } from "./schemas";

export function toHealthCheck(c: ConsulHealthCheck): HealthCheck {
  return {
    node: c.Node,
    checkId: c.CheckID,
    name: c.Name,
    status: c.Status,
    serviceId: c.ServiceID ?? "",
    serviceName: c.ServiceName ?? "",
    type: c.Type ?? "",
    output: c.Output ?? "",
    notes: c.Notes ?? "",
  };
}

/** One instance; with an interner (one per read of the catalog), equal names and tag lists are shared. */
export function toInstance(node: { Node: string; Address: string }, s: ConsulAgentService, intern?: Interner): ServiceInstance {
  return {
    node: intern ? intern.str(node.Node) : node.Node,
    id: s.ID,
    service: intern ? intern.str(s.Service) : s.Service,
    // An empty service address means "the node's address", as in Consul's DNS answers.
    address: s.Address || node.Address,
    port: s.Port ?? 0,
    tags: intern ? intern.list(s.Tags) : s.Tags,
    meta: hasKeys(s.Meta) ? s.Meta : NO_META,
  };
}

function hasKeys(o: Record<string, string>): boolean {
  for (const _ in o) return true;
  return false;
}
