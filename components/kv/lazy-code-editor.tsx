"use client";

import dynamic from "next/dynamic";

/** CodeMirror is browser-only and large: loaded on the client, on demand. */
export const LazyCodeEditor = dynamic(() => import("./code-editor").then((m) => m.CodeEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-muted">Loading editor…</p>,
});
