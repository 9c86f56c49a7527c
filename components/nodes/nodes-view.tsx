"use client";

import { FilterSelect, plainOptions } from "@/components/ui/filter-select";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { FreshnessBanner } from "@/components/health/freshness-banner";
import { freshness } from "@/components/health/freshness";
import { DatacenterSwitcher } from "@/components/services/datacenter-switcher";
import { AclNotice } from "@/components/estate/acl-notice";
import { NODE_STATUSES, type NodeStatus } from "@/lib/api/nodes";
import { filterAndSortNodes, nodesSearch, parseNodesParams, NODE_SORT_KEYS, type NodeSortKey, type NodesParams } from "@/lib/health/node-view";
import { NodeList } from "./node-list";
import { useNodes } from "./use-nodes";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";

const SORT_LABELS: Record<NodeSortKey, string> = { problems: "Problems first", name: "Name", instances: "Instance count", unhealthy: "Unhealthy instances" };

/** Every node of a datacenter, live from the shared watch; search, status and sort live in the URL. */
export function NodesView() {
  const params = parseNodesParams(useSearchParams());
  const router = useRouter();
  const { dc } = params;
  const { data, watch, conn } = useNodes(dc);
  const fresh = freshness(conn, watch);
  const all = useMemo(() => Object.values(data?.nodes ?? {}), [data]);
  const rows = useMemo(() => filterAndSortNodes(all, params), [all, params.q, params.status, params.sort]); // eslint-disable-line react-hooks/exhaustive-deps
  const counts = useMemo(() => {
    const c: Record<NodeStatus, number> = { passing: 0, warning: 0, critical: 0, maintenance: 0 };
    for (const n of all) c[n.status]++;
    return c;
  }, [all]);
  const update = (next: Partial<NodesParams>) => window.history.replaceState(null, "", `/nodes${nodesSearch({ ...params, ...next })}`);
  const search = useTypedBeforeHydration(params.q, (q) => update({ q }));

  return (
    <main className="mx-auto max-w-7xl space-y-4 p-6">
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold">Nodes</h1>
        <DatacenterSwitcher dc={dc} onChange={(d) => router.push(`/nodes${nodesSearch({ ...params, dc: d })}`)} />
        <p className="text-sm text-fg-soft" aria-label="Node totals">
          {data ? (
            <>
              <span data-testid="total-nodes">{all.length}</span> nodes · {counts.critical} critical · {counts.warning} warning · {counts.maintenance} in maintenance ·{" "}
              {counts.passing} passing
            </>
          ) : (
            "Loading…"
          )}
        </p>
      </header>
      <FreshnessBanner fresh={fresh} watch={watch} />
      <AclNotice filtered={watch?.filteredByAcls} />
      <form role="search" className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
        <label className="flex flex-col gap-1">
          <span className="text-muted">Search node, address or service</span>
          <input ref={search} type="search" data-page-search aria-keyshortcuts="/" className="w-64 rounded border border-line-strong bg-surface px-2 py-1" value={params.q} onChange={(e) => update({ q: e.target.value })} />
        </label>
        <FilterSelect
          label="Node status"
          anyLabel="Any"
          value={params.status ?? ""}
          options={plainOptions(NODE_STATUSES)}
          onChange={(v) => update({ status: NODE_STATUSES.find((s) => s === v) })}
        />
        <FilterSelect
          label="Sort"
          value={params.sort}
          options={NODE_SORT_KEYS.map((k) => ({ value: k, label: SORT_LABELS[k] }))}
          onChange={(v) => update({ sort: NODE_SORT_KEYS.find((k) => k === v) ?? "problems" })}
        />
      </form>
      <p className="text-sm text-muted" aria-live="polite">
        {data ? `Showing ${rows.length} of ${all.length}` : ""}
      </p>
      {data && all.length === 0 ? <p className="p-6 text-muted">No nodes are registered in this datacenter.</p> : <NodeList nodes={rows} dc={dc} stale={!fresh.live} />}
    </main>
  );
}
