"use client";

import { useQuery } from "@tanstack/react-query";
import { datacentersQuery } from "./queries";

/** Datacenters from /v1/catalog/datacenters (nearest first); choosing one navigates to its view. */
export function DatacenterSwitcher({ dc, onChange }: { dc: string | undefined; onChange: (dc: string) => void }) {
  const { data, error } = useQuery(datacentersQuery());
  // Consul lists the local datacenter first; with no ?dc= that is the one shown.
  const current = dc ?? data?.[0] ?? "";
  return (
    <label className="flex items-center gap-2 text-sm">
      <span className="text-muted">Datacenter</span>
      <select
        className="rounded border border-line-strong bg-surface px-2 py-1"
        value={current}
        onChange={(e) => onChange(e.target.value)}
        disabled={!data}
        title={error ? `Cannot list datacenters: ${error.message}` : undefined}
      >
        {!data && <option value={current}>{dc ?? "local"}</option>}
        {data?.map((d) => (
          <option key={d} value={d}>
            {d}
          </option>
        ))}
      </select>
    </label>
  );
}
