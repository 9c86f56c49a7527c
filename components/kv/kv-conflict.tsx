"use client";

import { useMemo } from "react";
import { diffValues } from "@/lib/kv/merge";

/** Their value (now in Consul) beside mine, line by line, as text. */
export function KvDiff({ theirs, mine }: { theirs: string; mine: string }) {
  const lines = useMemo(() => diffValues(theirs, mine), [theirs, mine]);
  return (
    <pre aria-label="Differences" className="max-h-80 overflow-auto rounded border border-slate-300 bg-white p-2 text-xs">
      {lines.map((l, i) => (
        <div
          key={i}
          data-diff={l.kind}
          className={l.kind === "theirs" ? "bg-red-50 text-red-900" : l.kind === "mine" ? "bg-green-50 text-green-900" : ""}
        >
          {l.kind === "theirs" ? "- theirs │ " : l.kind === "mine" ? "+ mine   │ " : "         │ "}
          {l.text}
        </div>
      ))}
    </pre>
  );
}
