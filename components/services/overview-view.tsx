"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import { useRouter, useSearchParams } from "next/navigation";
import { useMemo } from "react";
import { AclNotice } from "@/components/estate/acl-notice";
import { FreshnessBanner } from "@/components/health/freshness-banner";
import { freshness } from "@/components/health/freshness";
import { TransitionFeed } from "@/components/health/transition-feed";
import { useConnection, useOverviewData, useWatchState } from "@/components/health/use-live-queries";
import { useLiveStream } from "@/components/health/use-live-stream";
import { useTabStatus } from "@/components/shell/use-tab-status";
import { LazyPart } from "@/components/ui/lazy-part";
import { SkeletonLines } from "@/components/ui/skeleton";
import { liveQueries } from "@/components/health/queries";
import type { FirstScreen } from "@/lib/health/first-screen";
import { statusTotals } from "@/lib/health/rollup";
import { filterAndSort, overviewSearch, parseOverviewParams, type OverviewParams } from "@/lib/health/view";
import { DatacenterSwitcher } from "./datacenter-switcher";
import { OverviewFilters } from "./overview-filters";
import { datacentersQuery } from "./queries";
import { ServiceList } from "./service-list";

// The chart (recharts, most of the page's script) loads after the first screen, in its own chunk.
const StatusCountsChart = dynamic(() => import("@/components/charts/status-counts-chart").then((m) => m.StatusCountsChart), {
  ssr: false,
  loading: () => <div className="h-52" aria-hidden />,
});

/**
 * The live overview of one datacenter; every bit of view state is in the URL. `initial` is
 * the server's first screenful (from its warm watch), so rows are in the HTML; it seeds the
 * React Query cache and shows until the live stream's snapshot arrives.
 */
export function OverviewView({ initial }: { initial?: FirstScreen }) {
  const searchParams = useSearchParams();
  const router = useRouter();
  const params = parseOverviewParams(searchParams);
  const { dc } = params;

  useLiveStream(dc, { kind: "overview" });
  const data = useOverviewData(dc);
  const first = useQuery({ ...liveQueries.firstScreen(dc), initialData: initial }).data;
  const watch = useWatchState(dc);
  const conn = useConnection(dc, "overview");
  const fresh = freshness(conn, watch);

  const all = useMemo(() => Object.values(data?.services ?? {}), [data]);
  const totals = useMemo(() => (data || !first ? statusTotals(all) : first.totals), [all, data, first]);
  const tags = useMemo(() => [...new Set(all.flatMap((s) => s.tags))].sort(), [all]);
  const rows = useMemo(
    () => filterAndSort(data || !first ? all : first.rows, { q: params.q, status: params.status, tag: params.tag, sort: params.sort }),
    [all, data, first, params.q, params.status, params.tag, params.sort],
  );
  // Before the stream's snapshot, the first screen stands in (its rows are the view's first ones).
  const shown = data ?? first;
  const matched = data || !first ? rows.length : first.matched;
  const localDc = useQuery(datacentersQuery()).data?.[0];
  useTabStatus("Services", dc ?? localDc, shown ? totals : undefined);

  // Filters update the URL in place (no server round trip): Next keeps useSearchParams in step.
  const update = (next: Partial<OverviewParams>) => {
    window.history.replaceState(null, "", `/${overviewSearch({ ...params, ...next })}`);
  };

  return (
    <main className="mx-auto max-w-[120rem] space-y-4 p-3 sm:p-6">
      <header className="flex flex-wrap items-center gap-x-6 gap-y-2">
        <h1 className="text-2xl font-bold">Services</h1>
        <DatacenterSwitcher dc={dc} onChange={(d) => router.push(`/${overviewSearch({ ...params, dc: d, tag: undefined })}`)} />
        <p className="text-sm text-fg-soft" aria-label="Totals">
          {shown ? (
            <>
              <span data-testid="total-services">{totals.services}</span> services ·{" "}
              <span data-testid="total-ok">{totals.OK}</span> OK · <span data-testid="total-degraded">{totals.DEGRADED}</span> DEGRADED ·{" "}
              <span data-testid="total-down">{totals.DOWN}</span> DOWN
            </>
          ) : (
            <span className="skeleton inline-block h-4 w-56 align-middle" aria-label="Loading totals" role="status" />
          )}
        </p>
        <p className="text-sm" aria-label="Leader">
          {watch?.status === "no-leader" ? (
            <strong className="text-status-down">No leader</strong>
          ) : watch?.status === "live" ? (
            <span className="text-muted">Leader: known{watch.lastContactMs ? ` (last contact ${watch.lastContactMs} ms)` : ""}</span>
          ) : (
            <span className="text-muted">Leader: unknown</span>
          )}
        </p>
      </header>
      <FreshnessBanner fresh={fresh} watch={watch} />
      <AclNotice filtered={watch?.filteredByAcls} />
      <div className="grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem]">
        <section className="min-w-0 space-y-3">
          <OverviewFilters params={params} tags={tags} onChange={update} />
          <p className="text-sm text-muted" aria-live="polite">
            {shown ? `Showing ${matched} of ${totals.services}` : ""}
          </p>
          {!shown ? (
            <SkeletonLines label="Loading services" lines={8} />
          ) : data && all.length === 0 ? (
            <p className="p-6 text-muted">No services are registered in this datacenter.</p>
          ) : (
            <ServiceList services={rows} dc={dc} stale={data ? !fresh.live : false} />
          )}
        </section>
        <aside className="min-w-0 space-y-4">
          <TransitionFeed transitions={data?.transitions ?? []} dc={dc} />
          <LazyPart what="the health history chart">
            <StatusCountsChart dc={dc} />
          </LazyPart>
        </aside>
      </div>
    </main>
  );
}
