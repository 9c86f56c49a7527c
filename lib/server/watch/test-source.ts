import "server-only";
import type { HealthCheck, ServiceInstance } from "@/lib/health/types";
import { ConsulError } from "../consul/errors";
import type { HealthSource, SourceRound } from "./health-source";

/** Test double for the Consul side of a watch: scripted rounds, then blocks like a blocking query. */
export function scriptedSource(steps: (SourceRound | Error)[]) {
  const calls: string[] = [];
  const source: HealthSource = (index, signal) => {
    calls.push(index);
    const step = steps.shift();
    if (step instanceof Error) return Promise.reject(step);
    if (step) return Promise.resolve(step);
    return new Promise((_, reject) => signal.addEventListener("abort", () => reject(new Error("aborted")), { once: true }));
  };
  return { source, calls, push: (...more: (SourceRound | Error)[]) => steps.push(...more) };
}

export function round(index: string, instances: ServiceInstance[], checks: HealthCheck[], knownLeader: boolean | null = true): SourceRound {
  return { inputs: { instances, checks, source: "ui-nodes" }, meta: { index, knownLeader, lastContactMs: 0, filteredByAcls: false }, nextIndex: index };
}

export function inst(service: string, node: string, id = service): ServiceInstance {
  return { node, id, service, address: "192.0.2.1", port: 80, tags: [], meta: {} };
}

export function chk(node: string, checkId: string, status: HealthCheck["status"], serviceId = ""): HealthCheck {
  return { node, checkId, name: checkId, status, serviceId, serviceName: "", type: "", output: "", notes: "" };
}

export const unreachable = () => new ConsulError("network", "Cannot reach Consul at http://127.0.0.1:1: ECONNREFUSED");
