"use client";

import { useId, useState } from "react";
import { CopyButton } from "@/components/ui/copy-button";
import { outputPreview } from "@/lib/health/output-preview";

/** A check's output as plain text (never HTML): the first lines, with "Show all" and copy when long. */
export function CheckOutput({ text }: { text: string }) {
  const [all, setAll] = useState(false);
  const id = useId();
  const p = outputPreview(text);
  return (
    <div className="min-w-0">
      <pre id={id} className="max-h-[70vh] overflow-auto rounded bg-surface-2 p-2 text-xs break-all whitespace-pre-wrap" data-testid="check-output">
        {all || !p.truncated ? text : `${p.head}…`}
      </pre>
      {p.truncated && (
        <div className="mt-1 flex flex-wrap items-center gap-2 text-xs">
          <button type="button" aria-expanded={all} aria-controls={id} onClick={() => setAll(!all)} className="rounded border border-line-strong px-2 py-0.5 hover:bg-surface-2">
            {all ? "Show less" : `Show all (${p.lines} ${p.lines === 1 ? "line" : "lines"}, ${text.length} characters)`}
          </button>
          <CopyButton text={text} label="Copy output" />
        </div>
      )}
    </div>
  );
}
