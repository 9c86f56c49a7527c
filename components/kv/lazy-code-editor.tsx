"use client";

import dynamic from "next/dynamic";
import { ErrorBoundary } from "react-error-boundary";
import type { CodeEditorProps } from "./code-editor";

/** CodeMirror is browser-only and large: loaded on the client, on demand. */
const CodeEditorChunk = dynamic(() => import("./code-editor").then((m) => m.CodeEditor), {
  ssr: false,
  loading: () => <p className="text-sm text-muted">Loading editor…</p>,
});

/**
 * The value editor. If CodeMirror's code cannot be fetched (a dropped connection, a redeploy
 * that replaced it), a plain text box takes its place with the same label, text and changes,
 * so a value can still be read and edited during an incident.
 */
export function LazyCodeEditor(props: CodeEditorProps) {
  return (
    <ErrorBoundary fallbackRender={({ error }) => <PlainTextEditor {...props} problem={error instanceof Error ? error.message : String(error)} />}>
      <CodeEditorChunk {...props} />
    </ErrorBoundary>
  );
}

function PlainTextEditor({ value, readOnly, label, onChange, problem }: CodeEditorProps & { problem: string }) {
  return (
    <div className="space-y-1">
      <p role="status" className="text-sm text-muted">
        The editor could not be loaded ({problem}); a plain text box is shown instead. Reload to try again.
      </p>
      <textarea
        aria-label={label}
        value={value}
        readOnly={readOnly}
        onChange={(e) => onChange?.(e.target.value)}
        spellCheck={false}
        rows={12}
        className="block max-h-[60vh] min-h-24 w-full rounded border border-line-strong bg-surface p-2 font-mono text-sm"
      />
    </div>
  );
}
