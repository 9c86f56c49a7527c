"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useRouter } from "next/navigation";
import { useState } from "react";
import { bytesToBase64, utf8Encode } from "@/lib/kv/bytes";
import { keyProblem, kvHref } from "@/lib/kv/key";
import { uint64Problem } from "@/lib/kv/uint64";
import { sizeProblem } from "@/lib/kv/value";
import { Button, ErrorText } from "./kv-ui";
import { putKey } from "./kv-writes";
import { kvKeys } from "./queries";

/** The form (shown in a dialog) that creates a key or a folder (a key ending in "/") with cas=0: never overwrites one that exists. */
export function KvCreate({ prefix, maxValueBytes }: { prefix: string; maxValueBytes: number }) {
  const router = useRouter();
  const qc = useQueryClient();
  const [name, setName] = useState("");
  const [value, setValue] = useState("");
  const [flags, setFlags] = useState("0");
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function create(kind: "key" | "folder") {
    setError(null);
    const trimmed = kind === "folder" ? name.replace(/\/+$/, "") : name;
    const key = `${prefix}${trimmed}${kind === "folder" ? "/" : ""}`;
    const problem = (trimmed === "" ? "Enter a name." : null) ?? keyProblem(key) ?? uint64Problem(flags);
    if (problem) return setError(problem);
    const bytes = kind === "folder" ? new Uint8Array() : utf8Encode(value);
    const tooBig = sizeProblem(bytes.length, maxValueBytes);
    if (tooBig) return setError(tooBig);
    setBusy(true);
    try {
      await putKey({ key, value: bytesToBase64(bytes), flags: flags.trim(), cas: "0" });
      void qc.invalidateQueries({ queryKey: kvKeys.all });
      setName("");
      setValue("");
      router.push(kvHref(key, kind));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="space-y-3">
      <label className="block text-sm">
        Name
        <input aria-label="New name" value={name} onChange={(e) => setName(e.target.value)} className="mt-1 block w-full rounded border border-line-strong bg-canvas px-2 py-1 font-mono" />
      </label>
      <label className="block text-sm">
        Value (text; for keys)
        <textarea aria-label="New value" value={value} onChange={(e) => setValue(e.target.value)} rows={5} className="mt-1 block w-full rounded border border-line-strong bg-canvas p-1 font-mono text-xs" />
      </label>
      <label className="flex items-center gap-2 text-sm">
        Flags
        <input aria-label="New flags" value={flags} onChange={(e) => setFlags(e.target.value)} className="w-full max-w-56 rounded border border-line-strong bg-canvas px-2 py-1 font-mono" />
      </label>
      <div className="flex gap-2">
        <Button tone="primary" disabled={busy} onClick={() => void create("key")}>
          Create key
        </Button>
        <Button disabled={busy} onClick={() => void create("folder")}>
          Create folder
        </Button>
      </div>
      {error && <ErrorText>{error}</ErrorText>}
    </div>
  );
}
