"use client";

import { SERVICE_STATUSES } from "@/lib/api/overview";
import type { OverviewParams, SortKey } from "@/lib/health/view";
import { FilterSelect, plainOptions } from "@/components/ui/filter-select";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";

/** Worst first, as the list sorts by default. */
const STATUS_OPTIONS = [...SERVICE_STATUSES].reverse();

const SORT_LABELS: Record<SortKey, string> = {
  problems: "Problems first",
  name: "Name",
  status: "Status (healthy first)",
  instances: "Instance count",
};
const SORT_KEYS = Object.keys(SORT_LABELS) as SortKey[];

/** Text, status and tag filters and the sort; the caller keeps them in the URL. */
export function OverviewFilters({
  params,
  tags,
  onChange,
}: {
  params: OverviewParams;
  tags: string[];
  onChange: (next: Partial<OverviewParams>) => void;
}) {
  const search = useTypedBeforeHydration(params.q, (q) => onChange({ q }));
  return (
    <form role="search" className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
      <label className="flex w-full flex-col gap-1 sm:w-auto">
        <span className="text-muted">Search name or tag</span>
        <input
          ref={search}
          type="search"
          data-page-search
          aria-keyshortcuts="/"
          placeholder="Press / to search"
          className="w-full rounded border border-line-strong bg-surface px-2 py-1 sm:w-64"
          value={params.q}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </label>
      <FilterSelect
        label="Status"
        anyLabel="Any"
        value={params.status ?? ""}
        options={plainOptions(STATUS_OPTIONS)}
        onChange={(v) => onChange({ status: SERVICE_STATUSES.find((s) => s === v) })}
      />
      <FilterSelect
        label="Tag"
        anyLabel="Any"
        className="max-w-48"
        value={params.tag ?? ""}
        // A tag from the URL that no service has (any more) stays selectable.
        options={plainOptions(params.tag && !tags.includes(params.tag) ? [params.tag, ...tags] : tags)}
        onChange={(v) => onChange({ tag: v || undefined })}
      />
      <FilterSelect
        label="Sort"
        value={params.sort}
        options={SORT_KEYS.map((k) => ({ value: k, label: SORT_LABELS[k] }))}
        onChange={(v) => onChange({ sort: SORT_KEYS.find((k) => k === v) ?? "problems" })}
      />
    </form>
  );
}
