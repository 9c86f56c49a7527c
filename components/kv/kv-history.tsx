"use client";

import { useQuery } from "@tanstack/react-query";
import { diffLines } from "diff";
import { useMemo, useState } from "react";
import type { KvEntry } from "@/lib/api/kv";
import type { KvVersion } from "@/lib/api/kv-history";
import { base64ToBytes, formatBytes, utf8DecodeStrict } from "@/lib/kv/bytes";
import { Button, ErrorText, Notice } from "./kv-ui";
import { conflictOf } from "./kv-writes";
import { kvHistoryQueries, restoreVersion } from "./kv-history-queries";

function whoText(v: KvVersion): string {
  return `${v.deleted ? "deleted" : "replaced"} by ${v.who}`;
}

/** Line diff of a version (−) against the current value (+); binary values compare by size and SHA-256. */
function VersionDiff({ version, current, currentSha }: { version: KvVersion; current: KvEntry; currentSha: string | null }) {
  const lines = useMemo(() => {
    const old = utf8DecodeStrict(base64ToBytes(version.value));
    const now = utf8DecodeStrict(base64ToBytes(current.value));
    if (old === null || now === null) return null;
    return diffLines(old, now);
  }, [version.value, current.value]);
  if (!lines) {
    return (
      <dl aria-label="Binary comparison" className="grid grid-cols-[auto_1fr] gap-x-3 text-xs">
        <dt>This version</dt>
        <dd className="font-mono break-all">
          {formatBytes(version.size)} · sha-256 {version.sha256}
        </dd>
        <dt>Current</dt>
        <dd className="font-mono break-all">
          {formatBytes(base64ToBytes(current.value).length)} · sha-256 {currentSha ?? "?"}
        </dd>
        <dt />
        <dd>{currentSha === version.sha256 ? "Identical bytes." : "The bytes differ."}</dd>
      </dl>
    );
  }
  return (
    <pre aria-label="Version diff" className="max-h-80 overflow-auto rounded border border-line-strong bg-surface p-2 text-xs">
      {lines.flatMap((part, i) =>
        part.value
          .replace(/\n$/, "")
          .split("\n")
          .map((line, j) => (
            <div
              key={`${i}-${j}`}
              data-diff={part.removed ? "version" : part.added ? "current" : "same"}
              className={part.removed ? "bg-danger-soft text-danger-fg" : part.added ? "bg-ok-soft text-ok-fg" : ""}
            >
              {part.removed ? "- version │ " : part.added ? "+ current │ " : "          │ "}
              {line}
            </div>
          )),
      )}
    </pre>
  );
}

/** The key page's History view: kept versions newest first, a diff against the current value, Restore. */
export function KvHistory({ entry, readOnly, onRestored }: { entry: KvEntry; readOnly: boolean; onRestored: (e: KvEntry | null) => void }) {
  const history = useQuery(kvHistoryQueries.versions(entry.key));
  const [open, setOpen] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);

  async function restore(v: KvVersion) {
    setBusy(true);
    setProblem(null);
    try {
      const saved = await restoreVersion({ key: entry.key, id: v.id, cas: entry.modifyIndex });
      onRestored(saved);
      void history.refetch();
    } catch (err) {
      const c = conflictOf(err);
      setProblem(c ? c.error.message : err instanceof Error ? err.message : String(err));
      if (c) onRestored(null);
    } finally {
      setBusy(false);
    }
  }

  if (history.isPending) return <p className="text-sm">Loading history…</p>;
  if (history.error) return <ErrorText>{history.error.message}</ErrorText>;
  const versions = history.data.versions;
  return (
    <section aria-label="History" className="space-y-2">
      <h2 className="text-sm font-semibold">History</h2>
      {problem && <ErrorText>{problem}</ErrorText>}
      {versions.length === 0 ? (
        <Notice>No earlier versions kept for this key.</Notice>
      ) : (
        <ol className="space-y-2">
          {versions.map((v) => (
            <li key={v.id} aria-label={`Version at index ${v.modifyIndex}`} className="rounded border border-line p-2 text-xs">
              <div className="flex flex-wrap items-center gap-2">
                <span className="font-mono">index {v.modifyIndex}</span>
                <span>{formatBytes(v.size)}</span>
                <span>flags {v.flags}</span>
                <span>
                  {whoText(v)} at <time dateTime={v.at}>{new Date(v.at).toLocaleString()}</time>
                </span>
                <Button onClick={() => setOpen(open === v.id ? null : v.id)} aria-expanded={open === v.id}>
                  {open === v.id ? "Hide diff" : "Diff with current"}
                </Button>
                {!readOnly && (
                  <Button tone="primary" disabled={busy} onClick={() => void restore(v)}>
                    Restore this version
                  </Button>
                )}
              </div>
              {open === v.id && <VersionDiff version={v} current={entry} currentSha={history.data.current?.sha256 ?? null} />}
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
