import "server-only";
import type { InstanceDetail, InstanceState, LiveSummary, ServiceDetail, Transition } from "@/lib/api/live";
import { fingerprint } from "@/lib/health/fingerprint";
import { toServiceSummary } from "@/lib/health/summary";
import type { InstanceHealth, ServiceHealth } from "@/lib/health/types";

/** What the watch keeps per service between rounds; the summary's JSON and a fingerprint of the instances' make change detection cheap. */
export interface ServiceEntry {
  detail: ServiceDetail;
  summaryJson: string;
  /** fingerprint() of the instances' JSON: the JSON itself was tens of megabytes at 100,000 instances. */
  detailPrint: string;
}

export interface RoundDiff {
  /** Services whose overview row changed (status, counts, tags, failing checks). */
  summaryChanged: string[];
  /** Services whose detail changed in any way (including check output). */
  detailChanged: string[];
  removed: string[];
  transitions: Omit<Transition, "seq">[];
}

export function instanceState(i: InstanceHealth): InstanceState {
  if (i.maintenance) return "maintenance";
  if (i.problems.some((p) => p.status === "critical")) return "critical";
  if (i.problems.length > 0) return "warning";
  return "healthy";
}

function toInstanceDetail(i: InstanceHealth): InstanceDetail {
  return {
    node: i.instance.node,
    id: i.instance.id,
    address: i.instance.address,
    port: i.instance.port,
    tags: i.instance.tags,
    meta: i.instance.meta,
    healthy: i.healthy,
    state: instanceState(i),
    maintenance: i.maintenance,
    checks: i.checks,
  };
}

export function toSummary(d: ServiceDetail): LiveSummary {
  return { ...toServiceSummary(d), since: d.since, sinceExact: d.sinceExact };
}

/**
 * Applies the new rollup of some services to `entries` (in place) and says what
 * changed; `undefined` means the service is gone. Services not listed are left
 * alone, so a round costs O(services listed), not O(all services).
 */
export function diffServices(
  entries: Map<string, ServiceEntry>,
  changes: Iterable<[string, ServiceHealth | undefined]>,
  now: Date,
  first: boolean,
): RoundDiff {
  const at = now.toISOString();
  const diff: RoundDiff = { summaryChanged: [], detailChanged: [], removed: [], transitions: [] };

  for (const [name, s] of changes) {
    const old = entries.get(name);
    if (!s) {
      if (!old) continue;
      entries.delete(name);
      diff.removed.push(name);
      diff.transitions.push({ at, service: name, instance: null, from: old.detail.status, to: "removed" });
      continue;
    }
    const statusChanged = old !== undefined && old.detail.status !== s.status;
    const detail: ServiceDetail = {
      ...toServiceSummary(s),
      since: old && !statusChanged ? old.detail.since : at,
      sinceExact: old ? (statusChanged ? true : old.detail.sinceExact) : !first,
      instances: s.instances.map(toInstanceDetail),
    };
    // `since` is part of the summary JSON, so a status change always counts as a summary change.
    const summaryJson = JSON.stringify(toSummary(detail));
    const detailPrint = fingerprint(JSON.stringify(detail.instances));
    entries.set(s.name, { detail, summaryJson, detailPrint });

    if (old === undefined) {
      if (!first) {
        diff.summaryChanged.push(s.name);
        diff.detailChanged.push(s.name);
        diff.transitions.push({ at, service: s.name, instance: null, from: null, to: s.status });
      }
      continue;
    }
    if (old.summaryJson !== summaryJson) diff.summaryChanged.push(s.name);
    if (old.summaryJson !== summaryJson || old.detailPrint !== detailPrint) diff.detailChanged.push(s.name);
    if (statusChanged) diff.transitions.push({ at, service: s.name, instance: null, from: old.detail.status, to: s.status });
    if (old.detailPrint !== detailPrint) diff.transitions.push(...instanceTransitions(s.name, old.detail.instances, detail.instances, at));
  }
  return diff;
}

function instanceTransitions(service: string, before: InstanceDetail[], after: InstanceDetail[], at: string) {
  const key = (i: InstanceDetail) => `${i.node}\u0000${i.id}`;
  const old = new Map(before.map((i) => [key(i), i]));
  const out: Omit<Transition, "seq">[] = [];
  for (const i of after) {
    const o = old.get(key(i));
    if (o?.state === i.state) continue;
    out.push({ at, service, instance: { node: i.node, id: i.id }, from: o?.state ?? null, to: i.state });
  }
  const now = new Set(after.map(key));
  for (const o of before) {
    if (!now.has(key(o))) out.push({ at, service, instance: { node: o.node, id: o.id }, from: o.state, to: "removed" });
  }
  return out;
}
