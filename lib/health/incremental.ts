import { fingerprint } from "./fingerprint";
import { instanceHealth, instanceKey, serviceHealth } from "./rollup";
import type { HealthCheck, ServiceHealth, ServiceInstance } from "./types";

/**
 * The health rollup kept up to date piece by piece: given a new instance list or a
 * new set of checks, it says which services may have changed, and recomputes only
 * those. A single check flip then costs O(services on that node), not O(all
 * instances). `rollup()` stays the reference: for the same inputs, `compute(name)`
 * equals rollup's entry for that service (checks ordered by node, then check ID).
 */
export class IncrementalRollup {
  private byService = new Map<string, ServiceInstance[]>();
  /** Per service, a fingerprint of its instances' JSON: it changes when any of them changes. */
  private signatures = new Map<string, string>();
  private nodeServices = new Map<string, Set<string>>();
  /** Node → instance ID → service. Nested, not keyed by node + ID: 100,000 joined keys weighed ~8 MB. */
  private instanceService = new Map<string, Map<string, string>>();
  private instancesRef: readonly ServiceInstance[] | undefined;

  private checks = new Map<string, HealthCheck>();
  private nodeChecks = new Map<string, Map<string, HealthCheck>>();
  private instanceChecks = new Map<string, Map<string, HealthCheck>>();
  /** Every check of a service's instances (passing too), when a screen watches that service. */
  private overrides = new Map<string, HealthCheck[]>();

  /** Replaces the instance list; returns services added, removed or changed. The same array again is a no-op. */
  setInstances(instances: readonly ServiceInstance[]): Set<string> {
    const changed = new Set<string>();
    if (instances === this.instancesRef) return changed;
    this.instancesRef = instances;
    const byService = new Map<string, ServiceInstance[]>();
    for (const i of instances) {
      const list = byService.get(i.service);
      if (list) list.push(i);
      else byService.set(i.service, [i]);
    }
    const signatures = new Map<string, string>();
    for (const [name, list] of byService) {
      const sig = fingerprint(JSON.stringify(list));
      signatures.set(name, sig);
      if (this.signatures.get(name) !== sig) changed.add(name);
    }
    for (const name of this.signatures.keys()) if (!signatures.has(name)) changed.add(name);
    this.byService = byService;
    this.signatures = signatures;
    this.nodeServices = new Map();
    this.instanceService = new Map();
    for (const i of instances) {
      let ids = this.instanceService.get(i.node);
      if (!ids) this.instanceService.set(i.node, (ids = new Map()));
      ids.set(i.id, i.service);
      let set = this.nodeServices.get(i.node);
      if (!set) this.nodeServices.set(i.node, (set = new Set()));
      set.add(i.service);
    }
    return changed;
  }

  /** Replaces the set of checks; returns the services a changed, new or vanished check applies to. */
  setChecks(checks: readonly HealthCheck[]): Set<string> {
    const affected = new Set<string>();
    const next = new Map<string, HealthCheck>();
    for (const c of checks) next.set(instanceKey(c.node, c.checkId), c);
    for (const [key, c] of next) {
      const old = this.checks.get(key);
      if (old && sameCheck(old, c)) continue;
      if (old) this.unindex(old, affected);
      this.index(c, affected);
    }
    for (const [key, old] of this.checks) if (!next.has(key)) this.unindex(old, affected);
    this.checks = next;
    return affected;
  }

  /** Sets (or with `undefined` clears) the full check list of one service, which then wins over `setChecks` for it. */
  setServiceChecks(service: string, checks: HealthCheck[] | undefined): void {
    if (checks) this.overrides.set(service, checks);
    else this.overrides.delete(service);
  }

  serviceNames(): string[] {
    return [...this.byService.keys()];
  }

  /** One service's rollup, or undefined when it has no instances. */
  compute(name: string): ServiceHealth | undefined {
    const list = this.byService.get(name);
    if (!list) return undefined;
    const override = this.overrides.get(name);
    let nodeChecks = this.nodeChecks;
    let instanceChecks = this.instanceChecks;
    if (override) {
      nodeChecks = new Map();
      instanceChecks = new Map();
      for (const c of override) {
        const [map, slot] = c.serviceId === "" ? [nodeChecks, c.node] : [instanceChecks, instanceKey(c.node, c.serviceId)];
        let m = map.get(slot);
        if (!m) map.set(slot, (m = new Map()));
        m.set(c.checkId, c);
      }
    }
    return serviceHealth(
      name,
      list.map((i) => instanceHealth(i, sorted(nodeChecks.get(i.node)), sorted(instanceChecks.get(instanceKey(i.node, i.id))))),
    );
  }

  private index(c: HealthCheck, affected: Set<string>): void {
    const [map, slot] = c.serviceId === "" ? [this.nodeChecks, c.node] : [this.instanceChecks, instanceKey(c.node, c.serviceId)];
    let m = map.get(slot);
    if (!m) map.set(slot, (m = new Map()));
    m.set(c.checkId, c);
    this.touch(c, affected);
  }

  private unindex(c: HealthCheck, affected: Set<string>): void {
    const [map, slot] = c.serviceId === "" ? [this.nodeChecks, c.node] : [this.instanceChecks, instanceKey(c.node, c.serviceId)];
    const m = map.get(slot);
    m?.delete(c.checkId);
    if (m?.size === 0) map.delete(slot);
    this.touch(c, affected);
  }

  private touch(c: HealthCheck, affected: Set<string>): void {
    if (c.serviceId === "") {
      for (const s of this.nodeServices.get(c.node) ?? []) affected.add(s);
    } else {
      const s = this.instanceService.get(c.node)?.get(c.serviceId);
      if (s !== undefined) affected.add(s);
    }
  }
}

function sorted(m: Map<string, HealthCheck> | undefined): HealthCheck[] {
  if (!m) return [];
  return [...m.values()].sort((a, b) => (a.checkId < b.checkId ? -1 : a.checkId > b.checkId ? 1 : 0));
}

function sameCheck(a: HealthCheck, b: HealthCheck): boolean {
  return (
    a.status === b.status &&
    a.output === b.output &&
    a.notes === b.notes &&
    a.name === b.name &&
    a.serviceId === b.serviceId &&
    a.serviceName === b.serviceName &&
    a.type === b.type
  );
}
