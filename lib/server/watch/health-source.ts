import "server-only";
import { nextBlockingIndex } from "@/lib/consul/blocking-index";
import type { ConsulClient } from "../consul/client";
import { isConsulError } from "../consul/errors";
import { fromUiNodes, readPublicHealth, type HealthInputs } from "../consul/health";
import { toHealthCheck } from "../consul/reshape";
import { ConsulCatalogServices, ConsulHealthCheck, ConsulUiNodes } from "../consul/schemas";
import type { ResponseMeta } from "../consul/transport";
import { z } from "zod";

export interface SourceRound {
  inputs: HealthInputs;
  meta: ResponseMeta;
  nextIndex: string;
}

/** One blocking round: returns when the datacenter's health may have changed (or `wait` ran out). */
export type HealthSource = (index: string, signal: AbortSignal) => Promise<SourceRound>;

const ConsulChecks = z.array(ConsulHealthCheck);

/**
 * Watches a datacenter with ONE blocking query on /v1/internal/ui/nodes (every node
 * with its services and checks). That endpoint is undocumented; when it is missing
 * or its shape changed, the source switches for good to public endpoints: a
 * blocking query on /v1/health/state/any (every check), plus a cheap
 * /v1/catalog/services read per round so the per-service instance reads happen
 * only when the catalog itself changed, never on a mere check change.
 */
export function consulHealthSource(client: ConsulClient, dc: string | undefined, waitMs: number): HealthSource {
  let mode: "ui-nodes" | "public" = "ui-nodes";
  let catalogIndex: string | null = null;
  let instances: HealthInputs["instances"] = [];

  const publicRound: HealthSource = async (index, signal) => {
    const catalog = await client.getJson("/v1/catalog/services", ConsulCatalogServices, { dc, stale: true, signal });
    if (catalog.meta.index !== catalogIndex || index === "0") {
      const full = await readPublicHealth(client, { dc, stale: true, signal });
      instances = full.data.instances;
      catalogIndex = catalog.meta.index;
    }
    const checks = await client.blockingJson("/v1/health/state/any", ConsulChecks, { dc, stale: true, signal, index, waitMs });
    return {
      inputs: { instances, checks: checks.data.map(toHealthCheck), source: "public" },
      meta: checks.meta,
      nextIndex: checks.nextIndex,
    };
  };

  return async (index, signal) => {
    if (mode === "public") return publicRound(index, signal);
    try {
      const r = await client.blockingJson("/v1/internal/ui/nodes", ConsulUiNodes, { dc, stale: true, signal, index, waitMs });
      return { inputs: fromUiNodes(r.data), meta: r.meta, nextIndex: r.nextIndex };
    } catch (err) {
      if (isConsulError(err) && (err.kind === "parse" || (err.kind === "http" && err.status === 404))) {
        console.warn(`Consul's /v1/internal/ui/nodes is unusable (${err.message}); watching public endpoints instead`);
        mode = "public";
        // The two endpoints' indexes are unrelated: start the public watch afresh.
        return publicRound("0", signal);
      }
      throw err;
    }
  };
}

export { nextBlockingIndex };
