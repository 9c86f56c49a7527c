"use client";

import { useState } from "react";

/** Copies `text`; says so, or says why not (clipboard needs a secure context). */
export function CopyButton({ text, label }: { text: string; label: string }) {
  const [done, setDone] = useState<"copied" | "failed" | null>(null);
  return (
    <button
      type="button"
      aria-label={label}
      className="rounded border border-line-strong px-2 py-0.5 text-xs text-fg-soft hover:bg-surface-2"
      onClick={() =>
        navigator.clipboard.writeText(text).then(
          () => setDone("copied"),
          () => setDone("failed"),
        )
      }
    >
      {done === "copied" ? "Copied" : done === "failed" ? "Copy failed: select the text" : "Copy"}
    </button>
  );
}
