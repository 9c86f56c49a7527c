"use client";

import { SERVICE_STATUSES } from "@/lib/api/overview";
import type { OverviewParams, SortKey } from "@/lib/health/view";

/** Worst first, as the list sorts by default. */
const STATUS_OPTIONS = [...SERVICE_STATUSES].reverse();

const SORT_LABELS: Record<SortKey, string> = {
  problems: "Problems first",
  name: "Name",
  status: "Status (healthy first)",
  instances: "Instance count",
};

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
  return (
    <form role="search" className="flex flex-wrap items-end gap-3 text-sm" onSubmit={(e) => e.preventDefault()}>
      <label className="flex w-full flex-col gap-1 sm:w-auto">
        <span className="text-muted">Search name or tag</span>
        <input
          type="search"
          data-page-search
          aria-keyshortcuts="/"
          placeholder="Press / to search"
          className="w-full rounded border border-line-strong bg-surface px-2 py-1 sm:w-64"
          value={params.q}
          onChange={(e) => onChange({ q: e.target.value })}
        />
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-muted">Status</span>
        <select
          className="rounded border border-line-strong bg-surface px-2 py-1"
          value={params.status ?? ""}
          onChange={(e) => onChange({ status: SERVICE_STATUSES.find((s) => s === e.target.value) })}
        >
          <option value="">Any</option>
          {STATUS_OPTIONS.map((s) => (
            <option key={s} value={s}>
              {s}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-muted">Tag</span>
        <select
          className="max-w-48 rounded border border-line-strong bg-surface px-2 py-1"
          value={params.tag ?? ""}
          onChange={(e) => onChange({ tag: e.target.value || undefined })}
        >
          <option value="">Any</option>
          {params.tag && !tags.includes(params.tag) && <option value={params.tag}>{params.tag}</option>}
          {tags.map((t) => (
            <option key={t} value={t}>
              {t}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col gap-1">
        <span className="text-muted">Sort</span>
        <select
          className="rounded border border-line-strong bg-surface px-2 py-1"
          value={params.sort}
          onChange={(e) => onChange({ sort: (Object.keys(SORT_LABELS) as SortKey[]).find((k) => k === e.target.value) ?? "problems" })}
        >
          {(Object.keys(SORT_LABELS) as SortKey[]).map((k) => (
            <option key={k} value={k}>
              {SORT_LABELS[k]}
            </option>
          ))}
        </select>
      </label>
    </form>
  );
}
