"use client";

import { useMemo, useState } from "react";
import { base64ToBytes, formatBytes, hexDump } from "@/lib/kv/bytes";
import { sniffImage } from "@/lib/kv/image";

/** A value that is not UTF-8: size, hex dump and base64, never decoded as text. */
export function KvBinaryView({ base64 }: { base64: string }) {
  const bytes = useMemo(() => base64ToBytes(base64), [base64]);
  const [as, setAs] = useState<"hex" | "base64">("hex");
  const image = useMemo(() => sniffImage(bytes), [bytes]);
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
      <div className="grid gap-3 md:grid-cols-[auto_minmax(0,1fr)]">
        {image && (
          <figure className="space-y-1" data-testid="image-preview">
            {/* A data: URL of the value itself (the CSP allows data: images); never fetched from elsewhere. */}
            {/* eslint-disable-next-line @next/next/no-img-element */}
            <img
              src={`data:${image};base64,${base64}`}
              alt={`Preview of this ${image.slice(6).toUpperCase()} image`}
              className="max-h-64 max-w-full rounded border border-line bg-[repeating-conic-gradient(var(--surface-2)_0%_25%,transparent_0%_50%)] bg-[length:16px_16px] object-contain md:max-w-64"
            />
            <figcaption className="text-xs text-muted">{image.slice(6).toUpperCase()} image</figcaption>
          </figure>
        )}
        <pre aria-label={as === "hex" ? "Hex preview" : "Base64 preview"} className="max-h-80 min-w-0 overflow-auto rounded border border-line bg-surface p-2 text-xs">
          {as === "hex" ? hexDump(bytes) : base64.slice(0, 4096)}
        </pre>
      </div>
      {(as === "hex" ? bytes.length > 512 : base64.length > 4096) && <p className="text-xs text-muted">Preview truncated.</p>}
    </div>
  );
}
