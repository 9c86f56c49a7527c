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
        // Two columns only: the list lives in a narrow side column.
        <table aria-label="Recent changes" className="w-full table-fixed text-left text-xs">
          <thead>
            <tr className="text-muted">
              <th className="w-3/5 py-1 pr-2">Change</th>
              <th>Who, when</th>
            </tr>
          </thead>
          <tbody>
            {recent.data.entries.map((e, i) => (
              <tr key={`${e.at}-${i}`} className="border-t border-line align-top">
                <td className="py-1 pr-2">
                  <div className="font-semibold">{e.action}</div>
                  <div className="truncate font-mono" title={e.key}>
                    {e.action === "delete" || e.action === "delete-tree" ? (
                      e.key
                    ) : (
                      <Link prefetch={false} href={kvHref(e.key, "key")} className="text-link hover:underline">
                        {e.key}
                      </Link>
                    )}
                  </div>
                  <div className="font-mono whitespace-nowrap text-muted">
                    {e.oldIndex} → {e.newIndex} · {e.action === "delete-tree" ? `${e.size} keys` : `${e.size} B`}
                  </div>
                </td>
                <td className="py-1">
                  <div className="truncate font-mono" title={e.who}>
                    {e.who}
                  </div>
                  <div className="text-muted">{new Date(e.at).toLocaleTimeString()}</div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
