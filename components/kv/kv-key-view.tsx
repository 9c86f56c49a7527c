"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useMemo, useState, type ReactNode } from "react";
import type { KvEntry } from "@/lib/api/kv";
import { base64ToBytes, formatBytes } from "@/lib/kv/bytes";
import { baseName, kvHref, parentFolder } from "@/lib/kv/key";
import { featureFlags, prettyJson, sniffValue } from "@/lib/kv/value";
import { LoadError } from "@/components/ui/load-error";
import { SkeletonLines } from "@/components/ui/skeleton";
import { KvBinaryView } from "./kv-binary";
import { KvDiff } from "./kv-conflict";
import { KvEditor } from "./kv-editor";
import { KvFeatureFlags } from "./kv-feature-flags";
import { KvHistory } from "./kv-history";
import { kvHistoryQueries } from "./kv-history-queries";
import { Button, ErrorText, Notice } from "./kv-ui";
import { conflictOf, deleteKeyAt } from "./kv-writes";
import { kvKeys, kvQueries } from "./queries";
import { LazyCodeEditor } from "./lazy-code-editor";
import { useEntry } from "./use-kv";

export function KvKeyView({ keyName, readOnly, maxValueBytes }: { keyName: string; readOnly: boolean; maxValueBytes: number }) {
  const entry = useEntry(keyName);
  const qc = useQueryClient();
  const [editing, setEditing] = useState(false);
  const [lockConfirm, setLockConfirm] = useState(false);
  const [savedNote, setSavedNote] = useState<string | null>(null);
  const [showHistory, setShowHistory] = useState(false);

  function afterWrite(e: KvEntry | null) {
    if (e) qc.setQueryData(kvQueries.entry(keyName).queryKey, { entry: e, lockSession: entry.data?.lockSession ?? null });
    void qc.invalidateQueries({ queryKey: kvQueries.entry(keyName).queryKey });
    void qc.invalidateQueries({ queryKey: kvQueries.recent().queryKey });
    void qc.invalidateQueries({ queryKey: kvKeys.folders });
    void qc.invalidateQueries({ queryKey: kvHistoryQueries.versions(keyName).queryKey });
  }

  if (entry.isPending) return <SkeletonLines label={`Loading ${keyName}`} lines={8} />;
  if (entry.error) {
    return (
      <div className="space-y-2">
        <h1 className="font-mono text-lg break-all">{keyName}</h1>
        <LoadError what="this key" message={entry.error.message} onRetry={() => void entry.refetch()} />
      </div>
    );
  }
  const e = entry.data.entry;
  const lock = entry.data.lockSession;

  return (
    <article className="space-y-3" aria-label={`Key ${keyName}`}>
      <header className="space-y-1">
        <h1 className="font-mono text-lg break-all">{baseName(keyName) || keyName}</h1>
        <p className="font-mono text-xs break-all text-muted" data-testid="full-key">
          {e.key}
        </p>
        <dl className="flex flex-wrap gap-x-4 gap-y-1 text-xs text-fg-soft">
          <Fact term="Size" testId="value-size">
            {formatBytes(base64ToBytes(e.value).length)}
          </Fact>
          <Fact term="Flags" testId="flags">
            {e.flags}
          </Fact>
          <Fact term="ModifyIndex" testId="modify-index">
            {e.modifyIndex}
          </Fact>
          <Fact term="CreateIndex">{e.createIndex}</Fact>
        </dl>
      </header>

      {lock && (
        <Notice tone="warn">
          Held by lock session <span className="font-mono">{lock.id}</span>
          {lock.name ? ` (“${lock.name}”` : ""}
          {lock.node ? ` on node ${lock.node})` : lock.name ? ")" : ""}. A program holding this lock may rely on the value; edit only if you
          know it is safe.
        </Notice>
      )}
      {savedNote && <Notice tone="ok">{savedNote}</Notice>}

      {editing ? (
        <KvEditor
          key={e.modifyIndex}
          entry={e}
          maxValueBytes={maxValueBytes}
          onCancel={() => setEditing(false)}
          onSaved={(saved) => {
            setEditing(false);
            setSavedNote(saved ? `Saved. ModifyIndex is now ${saved.modifyIndex}.` : null);
            afterWrite(saved);
          }}
        />
      ) : (
        <KvViewer
          entry={e}
          readOnly={readOnly}
          onWritten={(saved) => {
            setSavedNote(saved ? `Saved. ModifyIndex is now ${saved.modifyIndex}.` : null);
            afterWrite(saved);
          }}
          onConflict={() => afterWrite(null)}
        />
      )}

      {!readOnly && !editing && (
        <div className="flex flex-wrap gap-2">
          {lock && lockConfirm ? (
            <Notice tone="warn">
              This key is locked by a session. Edit anyway?{" "}
              <Button tone="danger" onClick={() => setEditing(true)}>
                Edit anyway
              </Button>{" "}
              <Button onClick={() => setLockConfirm(false)}>Cancel</Button>
            </Notice>
          ) : (
            <Button
              tone="primary"
              onClick={() => {
                setSavedNote(null);
                if (lock) setLockConfirm(true);
                else setEditing(true);
              }}
            >
              Edit
            </Button>
          )}
          <KvDeleteKey entry={e} onConflict={() => afterWrite(null)} />
        </div>
      )}

      <Button aria-expanded={showHistory} onClick={() => setShowHistory((v) => !v)}>
        {showHistory ? "Hide history" : "History"}
      </Button>
      {showHistory && (
        <KvHistory
          entry={e}
          readOnly={readOnly}
          onRestored={(saved) => {
            setSavedNote(saved ? `Restored. ModifyIndex is now ${saved.modifyIndex}.` : null);
            afterWrite(saved);
          }}
        />
      )}
    </article>
  );
}

function KvViewer(props: { entry: KvEntry; readOnly: boolean; onWritten: (e: KvEntry | null) => void; onConflict: () => void }) {
  const sniffed = useMemo(() => sniffValue(base64ToBytes(props.entry.value)), [props.entry.value]);
  const [pretty, setPretty] = useState(false);
  if (sniffed.kind === "binary") return <KvBinaryView base64={props.entry.value} />;
  const flags = featureFlags(sniffed.text);
  return (
    <div className="space-y-2">
      <div className="flex items-center gap-2 text-sm">
        <span className="rounded bg-surface-2 px-2 py-0.5 text-xs font-semibold" data-testid="value-format">
          {sniffed.format.toUpperCase()}
        </span>
        {sniffed.format === "json" && (
          <label className="flex items-center gap-1">
            <input type="checkbox" checked={pretty} onChange={(e) => setPretty(e.target.checked)} /> Pretty-print
          </label>
        )}
        <span className="text-xs text-muted">Read-only view</span>
      </div>
      {flags && (
        <KvFeatureFlags entry={props.entry} text={sniffed.text} flags={flags} disabled={props.readOnly} onWritten={props.onWritten} onConflict={props.onConflict} />
      )}
      <LazyCodeEditor value={pretty ? prettyJson(sniffed.text) : sniffed.text} format={sniffed.format} readOnly label="Value" />
    </div>
  );
}

function KvDeleteKey({ entry, onConflict }: { entry: KvEntry; onConflict: () => void }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [stage, setStage] = useState<"idle" | "confirm">("idle");
  const [error, setError] = useState<string | null>(null);
  const [conflict, setConflict] = useState<{ current: KvEntry | null; seen: KvEntry } | null>(null);

  async function run(cas: string) {
    setError(null);
    try {
      await deleteKeyAt(entry.key, cas);
      void qc.invalidateQueries({ queryKey: kvKeys.all });
      router.push(kvHref(parentFolder(entry.key), "folder"));
    } catch (err) {
      const c = conflictOf(err);
      if (c) setConflict({ current: c.current, seen: entry });
      else setError((err as Error).message);
      setStage("idle");
    }
  }

  const text = (e: KvEntry | null) => (e ? new TextDecoder().decode(base64ToBytes(e.value)) : "");

  return (
    <div className="space-y-2">
      {stage === "idle" ? (
        <Button tone="danger" onClick={() => setStage("confirm")}>
          Delete…
        </Button>
      ) : (
        <Notice tone="warn">
          Delete “{entry.key}”? It is deleted only if nobody changed it since you opened it.{" "}
          <Button tone="danger" onClick={() => void run(entry.modifyIndex)}>
            Delete key
          </Button>{" "}
          <Button onClick={() => setStage("idle")}>Cancel</Button>
        </Notice>
      )}
      {conflict && (
        <section aria-label="Delete conflict" className="space-y-2 rounded border border-warn-line bg-warn-soft p-3 text-sm">
          <p role="alert" className="font-semibold">
            {conflict.current ? "Nothing was deleted: someone changed this key since you opened it." : "Someone else already deleted this key."}
          </p>
          {conflict.current && <KvDiff theirs={text(conflict.current)} mine={text(conflict.seen)} />}
          <div className="flex gap-2">
            <Button
              onClick={() => {
                setConflict(null);
                onConflict();
              }}
            >
              Reload
            </Button>
            {conflict.current && (
              <Button tone="danger" onClick={() => void run(conflict.current?.modifyIndex ?? "0")}>
                Delete their version anyway
              </Button>
            )}
          </div>
        </section>
      )}
      {error && <ErrorText>{error}</ErrorText>}
    </div>
  );
}

/** One term of the key's facts line: "Size 3 B". */
function Fact({ term, testId, children }: { term: string; testId?: string; children: ReactNode }) {
  return (
    <div>
      <dt className="inline">{term} </dt>
      <dd className="inline font-mono" data-testid={testId}>
        {children}
      </dd>
    </div>
  );
}
