"use client";

import { useQuery, useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useState } from "react";
import { formatBytes } from "@/lib/kv/bytes";
import { kvHref } from "@/lib/kv/key";
import { Button, ErrorText } from "./kv-ui";
import { conflictOf } from "./kv-writes";
import { kvHistoryQueries, restoreVersion } from "./kv-history-queries";
import { kvKeys, kvQueries } from "./queries";

/** Keys deleted through the dashboard below this folder that are still gone; each can be restored (a cas=0 create). */
export function KvRecentlyDeleted({ prefix, readOnly }: { prefix: string; readOnly: boolean }) {
  const deleted = useQuery(kvHistoryQueries.deleted(prefix));
  const qc = useQueryClient();
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function restore(items: { key: string; id: string }[]) {
    setBusy(true);
    setProblem(null);
    const failures: string[] = [];
    for (const v of items) {
      try {
        await restoreVersion({ key: v.key, id: v.id, cas: "0" });
      } catch (err) {
        const c = conflictOf(err);
        failures.push(`${v.key}: ${c ? c.error.message : err instanceof Error ? err.message : String(err)}`);
      }
    }
    if (failures.length) setProblem(failures.join("\n"));
    setBusy(false);
    void qc.invalidateQueries({ queryKey: kvKeys.folders });
    void qc.invalidateQueries({ queryKey: kvQueries.recent().queryKey });
  }

  if (deleted.isPending || !deleted.data || deleted.data.versions.length === 0) {
    return deleted.error ? <ErrorText>{deleted.error.message}</ErrorText> : null;
  }
  const versions = deleted.data.versions;
  return (
    <section aria-label="Recently deleted" className="space-y-2">
      <div className="flex items-center gap-2">
        <h2 className="text-sm font-semibold">Recently deleted ({versions.length})</h2>
        {!readOnly && versions.length > 1 && (
          <Button disabled={busy} onClick={() => void restore(versions)}>
            Restore all {versions.length}
          </Button>
        )}
      </div>
      {problem && <ErrorText>{problem}</ErrorText>}
      <ul className="space-y-1 text-xs">
        {versions.map((v) => (
          <li key={v.id} className="flex flex-wrap items-center gap-2">
            <Link prefetch={false} href={kvHref(v.key, "key")} className="font-mono break-all underline">
              {v.key}
            </Link>
            <span>{formatBytes(v.size)}</span>
            <span>
              deleted by {v.who} at <time dateTime={v.at}>{new Date(v.at).toLocaleString()}</time>
            </span>
            {!readOnly && (
              <Button disabled={busy} aria-label={`Restore ${v.key}`} onClick={() => void restore([v])}>
                Restore
              </Button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
