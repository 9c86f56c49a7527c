"use client";

import { useMemo, useState } from "react";
import { base64ToBytes, formatBytes, hexDump } from "@/lib/kv/bytes";

/** A value that is not UTF-8: size, hex dump and base64, never decoded as text. */
export function KvBinaryView({ base64 }: { base64: string }) {
  const bytes = useMemo(() => base64ToBytes(base64), [base64]);
  const [as, setAs] = useState<"hex" | "base64">("hex");
  return (
    <div className="space-y-2" data-testid="binary-value">
      <p className="text-sm">
        <strong>Binary value</strong> (not valid UTF-8), {formatBytes(bytes.length)} ({bytes.length} bytes). Shown as{" "}
        <button type="button" className={as === "hex" ? "font-semibold underline" : "text-link"} onClick={() => setAs("hex")}>
          hex
        </button>{" "}
        /{" "}
        <button type="button" className={as === "base64" ? "font-semibold underline" : "text-link"} onClick={() => setAs("base64")}>
          base64
        </button>
        ; it is never re-encoded.
      </p>
      <pre aria-label={as === "hex" ? "Hex preview" : "Base64 preview"} className="max-h-80 overflow-auto rounded border bg-surface p-2 text-xs">
        {as === "hex" ? hexDump(bytes) : base64.slice(0, 4096)}
      </pre>
      {(as === "hex" ? bytes.length > 512 : base64.length > 4096) && <p className="text-xs text-muted">Preview truncated.</p>}
    </div>
  );
}
