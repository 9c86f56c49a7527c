"use client";

import { useDeferredValue, useEffect, useMemo, useRef, useState } from "react";
import type { KvEntry } from "@/lib/api/kv";
import { base64ToBytes, bytesToBase64, formatBytes, utf8DecodeStrict, utf8Encode } from "@/lib/kv/bytes";
import { reapplyEdit } from "@/lib/kv/merge";
import { uint64Problem } from "@/lib/kv/uint64";
import { guessFormat, prettyJson, sizeProblem, syntaxProblem, type ValueFormat } from "@/lib/kv/value";
import { KvDiff } from "./kv-conflict";
import { Button, ErrorText, Notice } from "./kv-ui";
import { conflictOf, putKey } from "./kv-writes";
import { LazyCodeEditor } from "./lazy-code-editor";

interface Conflict {
  /** The value in Consul now; null when it was deleted meanwhile. */
  current: KvEntry | null;
}

const textOf = (e: KvEntry | null): string | null => (e ? utf8DecodeStrict(base64ToBytes(e.value)) : "");

/**
 * Editing one key. Saves are check-and-set against the ModifyIndex this editor
 * loaded; a refusal shows their value beside mine and never writes.
 */
export function KvEditor(props: { entry: KvEntry; maxValueBytes: number; onSaved: (e: KvEntry | null) => void; onCancel: () => void }) {
  const initialText = textOf(props.entry);
  const [base, setBase] = useState<KvEntry>(props.entry);
  const [baseText, setBaseText] = useState<string | null>(initialText);
  const binary = baseText === null;
  const [text, setText] = useState(initialText ?? "");
  const [format, setFormat] = useState<ValueFormat>(() => guessFormat(initialText ?? ""));
  const [flags, setFlags] = useState(props.entry.flags);
  const [replacement, setReplacement] = useState<{ base64: string; source: string } | null>(null);
  const [pasted, setPasted] = useState("");
  const [confirmInvalid, setConfirmInvalid] = useState(false);
  const [confirmOverwrite, setConfirmOverwrite] = useState(false);
  const [conflict, setConflict] = useState<Conflict | null>(null);
  // A refused save disables Save (which had the focus): move the focus to the conflict, so a
  // keyboard or screen-reader user lands on what happened and the ways out of it.
  const conflictRef = useRef<HTMLElement>(null);
  useEffect(() => {
    if (conflict) conflictRef.current?.focus();
  }, [conflict]);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [saving, setSaving] = useState(false);

  const deferredText = useDeferredValue(text);
  const problem = useMemo(() => (binary ? null : syntaxProblem(deferredText, format)), [binary, deferredText, format]);
  const flagsProblem = uint64Problem(flags);

  async function save(cas: string) {
    setError(null);
    setNotice(null);
    if (flagsProblem) return setError(flagsProblem);
    let value: string;
    let size: number;
    if (binary) {
      if (!replacement) return setError("A binary value is only replaced by uploading a file or entering base64.");
      value = replacement.base64;
      size = base64ToBytes(value).length;
    } else {
      const bytes = utf8Encode(text);
      value = bytesToBase64(bytes);
      size = bytes.length;
      const live = syntaxProblem(text, format);
      if (format === "json" && live && !confirmInvalid) {
        setConfirmInvalid(true);
        return;
      }
    }
    const tooBig = sizeProblem(size, props.maxValueBytes);
    if (tooBig) return setError(tooBig);
    setSaving(true);
    try {
      const saved = await putKey({ key: base.key, value, flags: flags.trim(), cas });
      props.onSaved(saved);
    } catch (err) {
      const c = conflictOf(err);
      if (c) {
        setConflict({ current: c.current });
        setConfirmOverwrite(false);
      } else setError((err as Error).message);
    } finally {
      setSaving(false);
      setConfirmInvalid(false);
    }
  }

  function reloadTheirs() {
    if (!conflict) return;
    const theirs = conflict.current;
    if (!theirs) return props.onSaved(null);
    setBase(theirs);
    const t = textOf(theirs);
    setBaseText(t);
    setText(t ?? "");
    setFlags(theirs.flags);
    setReplacement(null);
    setConflict(null);
    setNotice("Loaded their value; your edit was discarded.");
  }

  function reapply() {
    if (!conflict?.current) return;
    const theirsText = textOf(conflict.current);
    const merged = theirsText !== null && baseText !== null ? reapplyEdit(baseText, text, theirsText) : null;
    if (merged === null) {
      setError("Your edit does not apply cleanly on their value (you both changed the same lines). Reload theirs and edit again, or overwrite deliberately.");
      return;
    }
    setBase(conflict.current);
    setBaseText(theirsText);
    setText(merged);
    setConflict(null);
    setError(null);
    setNotice("Your edit was re-applied on top of their value. Review it, then save.");
  }

  const theirsText = conflict ? textOf(conflict.current) : null;

  return (
    <div className="space-y-3">
      {!binary && (
        <div className="flex flex-wrap items-center gap-2 text-sm">
          <label className="flex items-center gap-1">
            Format
            <select aria-label="Format" value={format} onChange={(e) => setFormat(e.target.value as ValueFormat)} className="rounded border px-1 py-0.5">
              <option value="text">Text</option>
              <option value="json">JSON</option>
              <option value="yaml">YAML</option>
            </select>
          </label>
          {format === "json" && (
            <Button onClick={() => setText(prettyJson(text))} disabled={problem !== null}>
              Pretty-print
            </Button>
          )}
          <span className="text-muted">{formatBytes(utf8Encode(deferredText).length)}</span>
        </div>
      )}

      {binary ? (
        <div className="space-y-2 rounded border border-line-strong bg-surface p-3 text-sm">
          <p>This value is binary. Replace it with a file or with base64; it is sent byte for byte.</p>
          <label className="block">
            Upload a file{" "}
            <input
              type="file"
              aria-label="Replacement file"
              onChange={async (e) => {
                const file = e.target.files?.[0];
                if (!file) return;
                setReplacement({ base64: bytesToBase64(new Uint8Array(await file.arrayBuffer())), source: file.name });
              }}
            />
          </label>
          <label className="block">
            Or base64
            <textarea
              aria-label="Replacement base64"
              value={pasted}
              onChange={(e) => setPasted(e.target.value)}
              rows={3}
              className="mt-1 block w-full rounded border p-1 font-mono text-xs"
            />
          </label>
          <Button
            onClick={() => {
              try {
                const bytes = base64ToBytes(pasted);
                setReplacement({ base64: bytesToBase64(bytes), source: "pasted base64" });
                setError(null);
              } catch (err) {
                setError(err instanceof Error ? err.message : String(err));
              }
            }}
          >
            Use this base64
          </Button>
          {replacement && (
            <p data-testid="replacement">
              Replacement ready: {base64ToBytes(replacement.base64).length} bytes from {replacement.source}.
            </p>
          )}
        </div>
      ) : (
        <LazyCodeEditor value={text} format={format} readOnly={false} label="Value editor" onChange={setText} />
      )}

      {problem && (
        <p role="status" data-testid="syntax-problem" className="text-sm text-danger-fg">
          Invalid {format.toUpperCase()} at line {problem.line}, column {problem.column}: {problem.message}
        </p>
      )}

      <label className="flex items-center gap-2 text-sm">
        Flags
        <input aria-label="Flags" value={flags} onChange={(e) => setFlags(e.target.value)} className="w-56 rounded border px-2 py-1 font-mono" />
        {flagsProblem && <span className="text-danger-fg">{flagsProblem}</span>}
      </label>

      {confirmInvalid && (
        <Notice tone="warn">
          The value is not valid JSON ({problem ? `line ${problem.line}, column ${problem.column}` : "see above"}). Save it anyway?{" "}
          <Button tone="danger" onClick={() => void save(base.modifyIndex)}>
            Save invalid JSON
          </Button>{" "}
          <Button onClick={() => setConfirmInvalid(false)}>Keep editing</Button>
        </Notice>
      )}

      {conflict && (
        <section ref={conflictRef} tabIndex={-1} aria-label="Conflict" className="space-y-2 rounded border border-warn-line bg-warn-soft p-3 text-sm">
          <p role="alert" className="font-semibold">
            {conflict.current
              ? `Nothing was written: someone saved this key since you opened it (index ${base.modifyIndex} → ${conflict.current.modifyIndex}).`
              : "Nothing was written: someone deleted this key since you opened it."}
          </p>
          {conflict.current && theirsText !== null && !binary ? (
            <KvDiff theirs={theirsText} mine={text} />
          ) : (
            conflict.current && <p>Their value is binary ({base64ToBytes(conflict.current.value).length} bytes).</p>
          )}
          <div className="flex flex-wrap gap-2">
            <Button onClick={reloadTheirs}>{conflict.current ? "Reload their value" : "Close the editor"}</Button>
            {conflict.current && !binary && theirsText !== null && <Button onClick={reapply}>Re-apply my edit on theirs</Button>}
            {!confirmOverwrite ? (
              <Button tone="danger" onClick={() => setConfirmOverwrite(true)}>
                {conflict.current ? "Overwrite with mine…" : "Re-create with mine…"}
              </Button>
            ) : (
              <Button tone="danger" onClick={() => void save(conflict.current?.modifyIndex ?? "0")}>
                {conflict.current ? "Yes, overwrite their change" : "Yes, re-create the key"}
              </Button>
            )}
          </div>
        </section>
      )}

      {notice && <Notice tone="ok">{notice}</Notice>}
      {error && <ErrorText>{error}</ErrorText>}

      <div className="flex gap-2">
        <Button tone="primary" disabled={saving || conflict !== null} onClick={() => void save(base.modifyIndex)}>
          {saving ? "Saving…" : "Save"}
        </Button>
        <Button onClick={props.onCancel}>Cancel</Button>
        <span className="self-center text-xs text-muted">Saves only if the key is still at index {base.modifyIndex}.</span>
      </div>
    </div>
  );
}
