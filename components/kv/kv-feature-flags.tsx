"use client";

import { useState } from "react";
import type { KvEntry } from "@/lib/api/kv";
import { bytesToBase64, utf8Encode } from "@/lib/kv/bytes";
import { toggleFlag } from "@/lib/kv/value";
import { ErrorText } from "./kv-ui";
import { conflictOf, putKey } from "./kv-writes";

/** A JSON object of booleans as switches; each toggle is its own check-and-set write. */
export function KvFeatureFlags(props: {
  entry: KvEntry;
  text: string;
  flags: Record<string, boolean>;
  disabled: boolean;
  onWritten: (entry: KvEntry | null) => void;
  onConflict: () => void;
}) {
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  async function toggle(name: string, on: boolean) {
    setBusy(name);
    setError(null);
    try {
      const next = toggleFlag(props.text, name, on);
      const entry = await putKey({ key: props.entry.key, value: bytesToBase64(utf8Encode(next)), flags: props.entry.flags, cas: props.entry.modifyIndex });
      props.onWritten(entry);
    } catch (err) {
      if (conflictOf(err)) {
        setError(`Nothing was written: someone changed this value meanwhile. The switches now show their value; toggle again if you still mean it.`);
        props.onConflict();
      } else setError((err as Error).message);
    } finally {
      setBusy(null);
    }
  }

  return (
    <fieldset className="space-y-2 rounded border border-line-strong bg-surface p-3">
      <legend className="px-1 text-sm font-semibold">Feature flags</legend>
      {Object.entries(props.flags).map(([name, on]) => (
        <label key={name} className="flex items-center gap-3 text-sm">
          <button
            type="button"
            role="switch"
            aria-checked={on}
            aria-label={name}
            disabled={props.disabled || busy !== null}
            onClick={() => void toggle(name, !on)}
            className={`relative h-5 w-9 rounded-full transition ${on ? "bg-status-ok" : "bg-line-strong"} disabled:opacity-50`}
          >
            <span className={`absolute top-0.5 h-4 w-4 rounded-full bg-surface transition ${on ? "left-4" : "left-0.5"}`} />
          </button>
          <span className="font-mono">{name}</span>
          <span className="text-xs text-muted">{busy === name ? "saving…" : on ? "on" : "off"}</span>
        </label>
      ))}
      {error && <ErrorText>{error}</ErrorText>}
    </fieldset>
  );
}
