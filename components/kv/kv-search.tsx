"use client";

import Link from "next/link";
import { useDeferredValue, useMemo, useState } from "react";
import { kvHref } from "@/lib/kv/key";
import { LoadError } from "@/components/ui/load-error";
import { useTypedBeforeHydration } from "@/components/ui/use-typed-before-hydration";
import { SkeletonLines } from "@/components/ui/skeleton";
import { useAllKeys } from "./use-kv";

const SHOWN = 50;

/** Searches key names across the whole tree: one key list, filtered in the browser as you type. */
export function KvSearch() {
  const [text, setText] = useState("");
  const [active, setActive] = useState(false);
  const input = useTypedBeforeHydration("", (typed) => {
    setActive(true);
    setText(typed);
  });
  const deferred = useDeferredValue(text.trim().toLowerCase());
  const keys = useAllKeys("", active);
  const { matches, total } = useMemo(() => {
    const found: string[] = [];
    let count = 0;
    if (!deferred || !keys.data) return { matches: found, total: count };
    for (const k of keys.data.keys) {
      if (k.toLowerCase().includes(deferred)) {
        count++;
        if (found.length < SHOWN) found.push(k);
      }
    }
    return { matches: found, total: count };
  }, [deferred, keys.data]);

  return (
    <div className="relative w-full max-w-md">
      <input
        ref={input}
        type="search"
        aria-label="Search keys"
        data-page-search
        aria-keyshortcuts="/"
        placeholder="Search key names…"
        value={text}
        onFocus={() => setActive(true)}
        onChange={(e) => {
          setActive(true);
          setText(e.target.value);
        }}
        className="w-full rounded border border-line-strong bg-surface px-3 py-1.5 text-sm"
      />
      {deferred && (
        <div className="absolute z-10 mt-1 max-h-96 w-full overflow-auto rounded border border-line-strong bg-surface shadow">
          {keys.isPending && <SkeletonLines label="Loading key names" lines={3} className="p-2" />}
          {keys.error && (
            <div className="p-2">
              <LoadError what="key names" message={keys.error.message} onRetry={() => void keys.refetch()} />
            </div>
          )}
          {keys.data && (
            <>
              <p className="border-b border-line px-2 py-1 text-xs text-muted" data-testid="search-count">
                {total} {total === 1 ? "match" : "matches"} in {keys.data.keys.length} keys
                {total > SHOWN ? ` (first ${SHOWN} shown)` : ""}
              </p>
              <ul aria-label="Search results">
                {matches.map((k) => (
                  <li key={k}>
                    <Link
                      prefetch={false}
                      href={k.endsWith("/") ? kvHref(k, "folder") : kvHref(k, "key")}
                      className="block truncate px-2 py-1 font-mono text-sm hover:bg-surface-2"
                      onClick={() => setText("")}
                    >
                      {k}
                    </Link>
                  </li>
                ))}
              </ul>
            </>
          )}
        </div>
      )}
    </div>
  );
}
