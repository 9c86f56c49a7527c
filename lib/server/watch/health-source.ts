import "server-only";
import { z } from "zod";
import { nextBlockingIndex } from "@/lib/consul/blocking-index";
import type { HealthCheck, ServiceInstance } from "@/lib/health/types";
import { encodePath, type BlockingResult, type ConsulClient } from "../consul/client";
import { isConsulError } from "../consul/errors";
import { instancesFromUiNodes, readPublicHealth, type HealthInputs } from "../consul/health";
import { toHealthCheck } from "../consul/reshape";
import { ConsulCatalogServices, ConsulHealthCheck, ConsulServiceEntries, ConsulUiNodeServices } from "../consul/schemas";
import type { ResponseMeta } from "../consul/transport";
import { log } from "../log";
import { DEFAULT_SLICES, readInstancesInSlices, type SliceOptions } from "./membership";

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

const ConsulChecks = z.array(ConsulHealthCheck);
/** Consul's filter expression: only the checks that can make an instance unhealthy. */
export const NOT_PASSING_FILTER = 'Status != "passing"';

type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };
type CatalogAnswer = BlockingResult<z.output<typeof ConsulCatalogServices>>;
type ChecksAnswer = BlockingResult<z.output<typeof ConsulChecks>>;

function settle<T>(p: Promise<T>): Promise<Settled<T>> {
  return p.then(
    (value) => ({ ok: true as const, value }),
    (error: unknown) => ({ ok: false as const, error }),
  );
}

/**
 * Watches a datacenter with two blocking queries whose cost follows what changed:
 * - health: /v1/health/state/any?filter=Status != "passing" — only non-passing
 *   checks, tiny while all is well, and it returns on every check change;
 * - membership: /v1/catalog/services — its index moves on registrations, not on
 *   check updates; only when it moves is the instance list read again
 *   (/v1/internal/ui/nodes without its checks, a slice of nodes per request so
 *   the whole catalog is never one body; or the public per-service reads when
 *   that undocumented endpoint is missing or changed shape).
 * Both stay in flight between rounds; whichever answers first makes the round,
 * the other keeps waiting. An instance is healthy iff no non-passing check applies
 * to it, so passing checks are never read for the overview.
 */
export function consulHealthSource(client: ConsulClient, dc: string | undefined, waitMs: number, slices: SliceOptions = DEFAULT_SLICES): HealthSource {
  let mode: "ui-nodes" | "public" = "ui-nodes";
  let sliced = true;
  let instances: ServiceInstance[] = [];
  let checks: HealthCheck[] = [];
  let catalogIndex = "0";
  let checksIndex = "0";
  let rounds = 0;
  let ctrl: AbortController | undefined;
  let catalog: Promise<Settled<CatalogAnswer>> | undefined;
  let health: Promise<Settled<ChecksAnswer>> | undefined;

  const readChecks = (index: string, signal: AbortSignal) =>
    client.blockingJson("/v1/health/state/any", ConsulChecks, { dc, stale: true, signal, index, waitMs, query: { filter: NOT_PASSING_FILTER } });
  const watchCatalog = (index: string, signal: AbortSignal) =>
    client.blockingJson("/v1/catalog/services", ConsulCatalogServices, { dc, stale: true, signal, index, waitMs });

  /** The instance list, and an index at which the catalog is known to be at least that fresh. */
  const readMembership = async (signal: AbortSignal): Promise<{ instances: ServiceInstance[]; index: string }> => {
    if (mode === "ui-nodes" && sliced) {
      try {
        return await readInstancesInSlices(client, { dc, signal }, slices);
      } catch (err) {
        // 400: a Consul whose ui/nodes takes no filter; parse: one that ignored it.
        if (!(isConsulError(err) && (err.kind === "parse" || (err.kind === "http" && (err.status === 400 || err.status === 404))))) throw err;
        log.warn({ problem: err.message }, "Reading /v1/internal/ui/nodes in slices failed; reading it whole instead");
        sliced = false;
      }
    }
    if (mode === "ui-nodes") {
      try {
        const r = await client.getJson("/v1/internal/ui/nodes", ConsulUiNodeServices, { dc, stale: true, signal });
        // Its index is the highest of the whole catalog, so any later registration moves catalog/services past it.
        return { instances: instancesFromUiNodes(r.data), index: nextBlockingIndex("0", r.meta.index) };
      } catch (err) {
        if (!(isConsulError(err) && (err.kind === "parse" || (err.kind === "http" && err.status === 404)))) throw err;
        log.warn({ problem: err.message }, "Consul's /v1/internal/ui/nodes is unusable; watching public endpoints instead");
        mode = "public";
      }
    }
    const r = await readPublicHealth(client, { dc, stale: true, signal });
    return { instances: r.data.instances, index: nextBlockingIndex("0", r.meta.index) };
  };

  const round = (meta: ResponseMeta): SourceRound => ({
    inputs: { instances, checks, source: mode },
    meta,
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
        catalogIndex = m.index;
        checks = h.data.map(toHealthCheck);
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
        checks = h.data.map(toHealthCheck);
        return round(h.meta);
      }
      catalog = undefined;
      const c = first.r.value as CatalogAnswer;
      // A blocking query that returns with the same index only timed out: nothing to re-read.
      if (c.nextIndex !== catalogIndex) {
        const m = await readMembership(s);
        instances = m.instances;
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

/** One service's checks, passing ones too, from a blocking query on /v1/health/service/<name>. */
export function consulServiceSource(client: ConsulClient, dc: string | undefined, waitMs: number): ServiceSource {
  return async (name, index, signal) => {
    const r = await client.blockingJson(`/v1/health/service/${encodePath(name)}`, ConsulServiceEntries, { dc, stale: true, signal, index, waitMs });
    // Node checks come once per instance on that node: keep one of each.
    const checks = new Map<string, HealthCheck>();
    for (const entry of r.data) for (const c of entry.Checks) checks.set(`${c.Node}\u0000${c.CheckID}`, toHealthCheck(c));
    return { checks: [...checks.values()], nextIndex: r.nextIndex };
  };
}

export { nextBlockingIndex };
