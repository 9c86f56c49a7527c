"use client";

import { useMemo } from "react";
import { diffValues } from "@/lib/kv/merge";

/** Their value (now in Consul) beside mine, line by line, as text. */
export function KvDiff({ theirs, mine }: { theirs: string; mine: string }) {
  const lines = useMemo(() => diffValues(theirs, mine), [theirs, mine]);
  return (
    <pre aria-label="Differences" className="max-h-80 overflow-auto rounded border border-line-strong bg-surface p-2 text-xs">
      {lines.map((l, i) => (
        <div
          key={i}
          data-diff={l.kind}
          className={l.kind === "theirs" ? "bg-danger-soft text-danger-fg" : l.kind === "mine" ? "bg-ok-soft text-ok-fg" : ""}
        >
          {l.kind === "theirs" ? "- theirs │ " : l.kind === "mine" ? "+ mine   │ " : "         │ "}
          {l.text}
        </div>
      ))}
    </pre>
  );
}
