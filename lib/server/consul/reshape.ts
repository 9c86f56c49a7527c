import "server-only";
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

export function toInstance(node: { Node: string; Address: string }, s: ConsulAgentService): ServiceInstance {
  return {
    node: node.Node,
    id: s.ID,
    service: s.Service,
    // An empty service address means "the node's address", as in Consul's DNS answers.
    address: s.Address || node.Address,
    port: s.Port ?? 0,
    tags: s.Tags,
    meta: s.Meta,
  };
}
