"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useState } from "react";
import { ImportPreview, ImportResult, type ImportRow } from "@/lib/api/kv";
import { parseExportFile, type ExportEntry } from "@/lib/kv/export-format";
import { ApiFailure, callApi } from "@/components/data/call-api";
import { Button, ErrorText, Notice } from "./kv-ui";
import { kvKeys } from "./queries";

/** Import a `consul kv export` file: preview what is created and changed, then write with check-and-set. */
export function KvImport({ prefix }: { prefix: string }) {
  const qc = useQueryClient();
  const [entries, setEntries] = useState<ExportEntry[] | null>(null);
  const [target, setTarget] = useState(prefix);
  const [rows, setRows] = useState<ImportRow[] | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function onFile(file: File | undefined) {
    setRows(null);
    setResult(null);
    setError(null);
    if (!file) return;
    try {
      setEntries(parseExportFile(await file.text()));
    } catch (err) {
      setEntries(null);
      setError(err instanceof Error ? err.message : String(err));
    }
  }

  async function preview() {
    if (!entries) return;
    setBusy(true);
    setError(null);
    setResult(null);
    try {
      setRows((await callApi("/api/kv/import/preview", ImportPreview, { method: "POST", json: { prefix: target, entries } })).rows);
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  async function apply() {
    if (!rows) return;
    setBusy(true);
    setError(null);
    try {
      setResult(await callApi("/api/kv/import/apply", ImportResult, { method: "POST", json: { rows } }));
      setRows(null);
    } catch (err) {
      const parsed = err instanceof ApiFailure ? ImportResult.safeParse(err.body) : null;
      if (parsed?.success) setResult(parsed.data);
      else setError((err as Error).message);
    } finally {
      setBusy(false);
      void qc.invalidateQueries({ queryKey: kvKeys.all });
    }
  }

  const n = (a: ImportRow["action"]) => rows?.filter((r) => r.action === a).length ?? 0;

  return (
    <div className="space-y-3 text-sm">
      <input type="file" accept="application/json,.json" aria-label="Import file" className="block w-full" onChange={(e) => void onFile(e.target.files?.[0])} />
      {entries && <p>{entries.length} entries in the file.</p>}
      <label className="block">
        Into prefix (put in front of every key, like <span className="font-mono">consul kv import -prefix</span>)
        <input aria-label="Import prefix" value={target} onChange={(e) => setTarget(e.target.value)} className="mt-1 block w-full rounded border border-line-strong bg-canvas px-2 py-1 font-mono" />
      </label>
      <Button disabled={!entries || busy} onClick={() => void preview()}>
        Preview import
      </Button>
      {rows && (
        <div className="space-y-2">
          <p data-testid="import-summary">
            {n("create")} to create, {n("change")} to change, {n("unchanged")} unchanged.
          </p>
          <div className="max-h-72 overflow-auto">
          <table aria-label="Import preview" className="w-full text-left text-xs">
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} className="border-t border-line">
                  <td className="py-0.5 pr-2">{r.action}</td>
                  <td className="font-mono break-all">{r.key}</td>
                  <td className="pl-2 whitespace-nowrap">{r.size} B</td>
                </tr>
              ))}
            </tbody>
          </table>
          </div>
          <Button tone="primary" disabled={busy || n("create") + n("change") === 0} onClick={() => void apply()}>
            Import {n("create") + n("change")} keys
          </Button>
        </div>
      )}
      {result && (
        <Notice tone={result.conflicts.length ? "warn" : "ok"}>
          <p data-testid="import-result">
            Wrote {result.written} keys.
            {result.conflicts.length > 0 && ` Stopped: ${result.conflicts.length} changed since the preview, so their batch was not written.`}
            {(result.rolledBack ?? 0) > 0 && ` The ${result.rolledBack} keys earlier batches wrote were rolled back.`}
            {result.conflicts.length > 0 && (result.rollbackFailures?.length ?? 0) === 0 && " KV is as it was before the import."}
          </p>
          {(result.rollbackFailures?.length ?? 0) > 0 && (
            <>
              <p>These keys could not be put back (someone changed them after the import wrote them); check them by hand:</p>
              <ul aria-label="Rollback failures" className="list-disc pl-5">
                {result.rollbackFailures?.map((f) => (
                  <li key={f.key}>
                    <span className="font-mono">{f.key}</span>: {f.reason}
                  </li>
                ))}
              </ul>
            </>
          )}
          {result.conflicts.length > 0 && (
            <ul aria-label="Import conflicts" className="list-disc pl-5">
              {result.conflicts.map((c) => (
                <li key={c.key}>
                  <span className="font-mono">{c.key}</span>: {c.reason}
                </li>
              ))}
            </ul>
          )}
        </Notice>
      )}
      {error && <ErrorText>{error}</ErrorText>}
    </div>
  );
}
