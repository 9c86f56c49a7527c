import type { Overview } from "@/lib/api/overview";
import { ServiceTable } from "./service-table";

type Props = { overview: Overview; error?: undefined } | { overview?: undefined; error: string };

export function ServiceOverview({ overview, error }: Props) {
  return (
    <main className="mx-auto max-w-6xl p-6">
      <header className="mb-4 flex flex-wrap items-baseline gap-4">
        <h1 className="text-2xl font-bold">Services</h1>
        {overview && (
          <p className="text-sm text-slate-600" aria-label="Totals">
            {overview.totals.services} services · {overview.totals.OK} OK · {overview.totals.DEGRADED} DEGRADED ·{" "}
            {overview.totals.DOWN} DOWN
            {overview.knownLeader === false && <strong className="ml-2 text-status-down">Consul has no leader</strong>}
          </p>
        )}
      </header>
      {error !== undefined ? (
        <div role="alert" className="rounded border border-status-down bg-red-50 p-4 text-status-down">
          {error}
        </div>
      ) : (
        <ServiceTable services={overview.services} />
      )}
    </main>
  );
}
