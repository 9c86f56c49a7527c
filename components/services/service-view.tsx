"use client";

import { useQuery } from "@tanstack/react-query";
import dynamic from "next/dynamic";
import Link from "next/link";
import { FreshnessBanner } from "@/components/health/freshness-banner";
import { freshness } from "@/components/health/freshness";
import { TransitionFeed } from "@/components/health/transition-feed";
import { useConnection, useServiceData, useWatchState } from "@/components/health/use-live-queries";
import { useLiveStream } from "@/components/health/use-live-stream";
import { useTabStatus } from "@/components/shell/use-tab-status";
import { LazyPart } from "@/components/ui/lazy-part";
import { SkeletonLines } from "@/components/ui/skeleton";
import { liveQueries } from "@/components/health/queries";
import type { ServiceData } from "@/lib/health/live-merge";
import { CopyButton } from "@/components/ui/copy-button";
import { RelativeTime } from "@/components/ui/relative-time";
import { StatusBadge } from "@/components/ui/status-badge";
import { InstanceCard } from "./instance-card";

// The timeline (recharts) loads after the first screen, in its own chunk.
const ServiceTimeline = dynamic(() => import("@/components/charts/service-timeline").then((m) => m.ServiceTimeline), {
  ssr: false,
  loading: () => <div className="h-40" aria-hidden />,
});

/**
 * One service, live: instances with every check, the endpoints a load balancer would use, its DNS name.
 * `initial` is the server's copy from its warm watch (in the HTML); the live stream replaces it.
 */
export function ServiceView({ name, dc, dcName, initial }: { name: string; dc: string | undefined; dcName: string | undefined; initial?: ServiceData }) {
  useLiveStream(dc, { kind: "service", name });
  useQuery({ ...liveQueries.service(dc, name), initialData: initial });
  const data = useServiceData(dc, name);
  const watch = useWatchState(dc);
  const conn = useConnection(dc, `service:${name}`);
  const fresh = freshness(conn, watch);
  const s = data?.service;
  const endpoints = s?.instances.filter((i) => i.healthy).map((i) => `${i.address}:${i.port}`) ?? [];
  const dns = `${name}.service.${dcName ? `${dcName}.` : ""}consul`;
  useTabStatus(name, dcName, s ? { DOWN: s.status === "DOWN" ? 1 : 0, DEGRADED: s.status === "DEGRADED" ? 1 : 0 } : undefined);
  const back = dc ? `/?dc=${encodeURIComponent(dc)}` : "/";

  return (
    <main className="mx-auto max-w-[100rem] space-y-4 p-3 sm:p-6">
      <p className="text-sm">
        <Link className="text-link underline" href={back}>
          ← All services
        </Link>
      </p>
      <header className="flex flex-wrap items-center gap-4">
        <h1 className="text-2xl font-bold break-all">{name}</h1>
        {s && <StatusBadge status={s.status} />}
        {s && (
          <span className="text-sm text-fg-soft">
            <span data-testid="healthy-total" className="tabular-nums">
              {s.healthy}/{s.total}
            </span>{" "}
            instances healthy · in this status for <RelativeTime iso={s.since} suffix="" prefix={s.sinceExact ? "" : "≥ "} />
          </span>
        )}
      </header>
      <FreshnessBanner fresh={fresh} watch={watch} />
      {data && !s && (
        <p role="alert" className="rounded border border-status-down bg-danger-soft p-3 text-status-down">
          This service is no longer registered in Consul.
        </p>
      )}
      {!data && <SkeletonLines label="Loading the service" lines={6} />}
      <section aria-label="Endpoints" className={`grid gap-3 rounded border border-line bg-surface p-3 text-sm md:grid-cols-2 ${fresh.live ? "" : "opacity-60"}`}>
        <div>
          <h2 className="font-semibold">Healthy endpoints ({endpoints.length})</h2>
          {endpoints.length === 0 ? (
            <p className="text-status-down">None: a load balancer would have nowhere to send traffic.</p>
          ) : (
            <>
              <ul className="mt-1 font-mono break-all" aria-label="Healthy endpoints">
                {endpoints.map((e, idx) => (
                  <li key={`${e}-${idx}`}>{e}</li>
                ))}
              </ul>
              <CopyButton text={endpoints.join("\n")} label="Copy healthy endpoints" />
            </>
          )}
        </div>
        <div>
          <h2 className="font-semibold">DNS name</h2>
          <p className="mt-1 font-mono" data-testid="dns-name">
            {dns}
          </p>
          <CopyButton text={dns} label="Copy DNS name" />
        </div>
      </section>
      <div className={`grid gap-4 lg:grid-cols-[minmax(0,1fr)_20rem] ${fresh.live ? "" : "opacity-60"}`}>
        <section aria-label="Instances" className="min-w-0 space-y-3">
          <h2 className="text-lg font-semibold">Instances</h2>
          {s?.instances.map((i) => <InstanceCard key={`${i.node}/${i.id}`} instance={i} dc={dc} />)}
        </section>
        <aside className="min-w-0 space-y-4">
          <TransitionFeed transitions={data?.transitions ?? []} dc={dc} linkServices={false} />
          <LazyPart what="the status history chart">
            <ServiceTimeline dc={dc} name={name} />
          </LazyPart>
        </aside>
      </div>
    </main>
  );
}
