"use client";

import { kvHref } from "@/lib/kv/key";
import Link from "next/link";
import { LoadError } from "@/components/ui/load-error";
import { SkeletonLines } from "@/components/ui/skeleton";
import { useRecentChanges } from "./use-kv";

/** Writes made through this dashboard since it started (the server keeps a bounded list). */
export function KvRecentChanges() {
  const recent = useRecentChanges();
  return (
    <section aria-labelledby="recent-h" className="space-y-2">
      <h2 id="recent-h" className="text-sm font-semibold">
        Recent changes through the dashboard
      </h2>
      {recent.isPending && <SkeletonLines label="Loading recent changes" lines={3} />}
      {recent.error && <LoadError what="recent changes" message={recent.error.message} onRetry={() => void recent.refetch()} />}
      {recent.data && recent.data.entries.length === 0 && <p className="text-sm text-muted">No changes yet.</p>}
      {recent.data && recent.data.entries.length > 0 && (
        <div className="overflow-x-auto">
        <table aria-label="Recent changes" className="w-full text-left text-xs">
          <thead>
            <tr className="text-muted">
              <th className="py-1 pr-2">When</th>
              <th className="pr-2">Action</th>
              <th className="pr-2">Key</th>
              <th className="pr-2">Who</th>
              <th className="pr-2">Index</th>
              <th>Size</th>
            </tr>
          </thead>
          <tbody>
            {recent.data.entries.map((e, i) => (
              <tr key={`${e.at}-${i}`} className="border-t border-line">
                <td className="py-1 pr-2 whitespace-nowrap">{new Date(e.at).toLocaleTimeString()}</td>
                <td className="pr-2">{e.action}</td>
                <td className="max-w-xs truncate pr-2 font-mono">
                  {e.action === "delete" || e.action === "delete-tree" ? (
                    e.key
                  ) : (
                    <Link href={kvHref(e.key, "key")} className="text-link hover:underline">
                      {e.key}
                    </Link>
                  )}
                </td>
                <td className="pr-2 font-mono">{e.who}</td>
                <td className="pr-2 font-mono whitespace-nowrap">
                  {e.oldIndex} → {e.newIndex}
                </td>
                <td>{e.action === "delete-tree" ? `${e.size} keys` : `${e.size} B`}</td>
              </tr>
            ))}
          </tbody>
        </table>
        </div>
      )}
    </section>
  );
}
