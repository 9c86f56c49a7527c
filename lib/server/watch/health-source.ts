import "server-only";
import { nextBlockingIndex } from "@/lib/consul/blocking-index";
import type { NodeAddress } from "@/lib/health/nodes";
import type { HealthCheck, ServiceInstance } from "@/lib/health/types";
import type { BlockingResult, ConsulClient, ResponseMeta } from "../consul/client";
import type { HealthInputs } from "../consul/health";
import { DEFAULT_SLICES, membershipReader, type SliceOptions } from "../consul/membership";
import { watchNonPassingChecks, watchServiceChecks, watchServiceNames } from "../consul/watch-queries";

export interface SourceRound {
  /** `instances` is the same array as in the previous round when membership did not change. */
  inputs: HealthInputs;
  meta: ResponseMeta;
  nextIndex: string;
}

/**
 * One round: returns when the datacenter's health may have changed (or `wait` ran out).
 * `index` "0" asks for a fresh start (first round, or after an error); otherwise the
 * source carries on from its own state and the value is only echoed back.
 */
export type HealthSource = (index: string, signal: AbortSignal) => Promise<SourceRound>;

export interface ServiceRound {
  /** Every check of the service's instances, node checks included, passing or not. */
  checks: HealthCheck[];
  nextIndex: string;
}

/** One blocking round on one service's health. */
export type ServiceSource = (name: string, index: string, signal: AbortSignal) => Promise<ServiceRound>;

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
type CatalogAnswer = BlockingResult<Record<string, string[]>>;
type ChecksAnswer = BlockingResult<HealthCheck[]>;

function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Watches a datacenter with two blocking queries whose cost follows what changed:
 * - health: the datacenter's non-passing checks only, tiny while all is well, and
 *   it returns on every check change;
 * - membership: the service names, whose index moves on registrations, not on
 *   check updates; only when it moves is the instance list read again (see
 *   membershipReader: in slices of nodes, so the whole catalog is never one body).
 * Both stay in flight between rounds; whichever answers first makes the round,
 * the other keeps waiting. An instance is healthy iff no non-passing check applies
 * to it, so passing checks are never read for the overview.
 */
export function consulHealthSource(client: ConsulClient, dc: string | undefined, waitMs: number, slices: SliceOptions = DEFAULT_SLICES): HealthSource {
  const membership = membershipReader(client, dc, slices);
  let instances: ServiceInstance[] = [];
  let nodes: NodeAddress[] = [];
  let checks: HealthCheck[] = [];
  // Whether Consul filtered each list for the token (X-Consul-Results-Filtered-By-ACLs), as last answered.
  const filtered = { membership: false, catalog: false, checks: false };
  let catalogIndex = "0";
  let checksIndex = "0";
  let rounds = 0;
  let ctrl: AbortController | undefined;
  let catalog: Promise<Settled<CatalogAnswer>> | undefined;
  let health: Promise<Settled<ChecksAnswer>> | undefined;

  const readChecks = (index: string, signal: AbortSignal) => watchNonPassingChecks(client, { dc, index, waitMs, signal });
  const watchCatalog = (index: string, signal: AbortSignal) => watchServiceNames(client, { dc, index, waitMs, signal });
  const readMembership = (signal: AbortSignal) => membership.read(signal);

  const round = (meta: ResponseMeta): SourceRound => ({
    inputs: { instances, nodes, checks, source: membership.source },
    meta: { ...meta, filteredByAcls: filtered.membership || filtered.catalog || filtered.checks },
    // Opaque to the caller; anything but "0" means "carry on".
    nextIndex: String(++rounds),
  });

  return async (index, signal) => {
    if (index === "0" || !ctrl) {
      ctrl?.abort();
      catalog = health = undefined;
      const c = new AbortController();
      ctrl = c;
      const s = AbortSignal.any([signal, c.signal]);
      try {
        const [m, h] = await Promise.all([readMembership(s), readChecks("0", s)]);
        instances = m.instances;
        nodes = m.nodes;
        filtered.membership = m.filteredByAcls;
        catalogIndex = m.index;
        checks = h.data;
        filtered.checks = h.meta.filteredByAcls;
        checksIndex = h.nextIndex;
        return round(h.meta);
      } catch (err) {
        c.abort();
        ctrl = undefined;
        throw err;
      }
    }

    const s = AbortSignal.any([signal, ctrl.signal]);
    catalog ??= settle(watchCatalog(catalogIndex, s));
    health ??= settle(readChecks(checksIndex, s));
    const first = await Promise.race([catalog.then((r) => ({ kind: "catalog" as const, r })), health.then((r) => ({ kind: "health" as const, r }))]);
    try {
      if (!first.r.ok) throw first.r.error;
      if (first.kind === "health") {
        health = undefined;
        const h = first.r.value as ChecksAnswer;
        checksIndex = h.nextIndex;
        checks = h.data;
        filtered.checks = h.meta.filteredByAcls;
        return round(h.meta);
      }
      catalog = undefined;
      const c = first.r.value as CatalogAnswer;
      filtered.catalog = c.meta.filteredByAcls;
      // A blocking query that returns with the same index only timed out: nothing to re-read.
      if (c.nextIndex !== catalogIndex) {
        const m = await readMembership(s);
        instances = m.instances;
        nodes = m.nodes;
        filtered.membership = m.filteredByAcls;
        catalogIndex = nextBlockingIndex(c.nextIndex, m.index);
        if (catalogIndex === "0") catalogIndex = c.nextIndex;
      }
      return round(c.meta);
    } catch (err) {
      // The caller starts over with index "0": drop the query still in flight.
      ctrl?.abort();
      ctrl = undefined;
      throw err;
    }
  };
}

/** One service's checks, passing ones too, from a blocking query on that service's health. */
export function consulServiceSource(client: ConsulClient, dc: string | undefined, waitMs: number): ServiceSource {
  return async (name, index, signal) => {
    const r = await watchServiceChecks(client, name, { dc, index, waitMs, signal });
    return { checks: r.data, nextIndex: r.nextIndex };
  };
}
