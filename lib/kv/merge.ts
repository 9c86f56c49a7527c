import { applyPatch, createPatch, diffLines, type Change } from "diff";

/**
 * Re-applies the operator's edit (base → mine) on top of the value someone else
 * saved meanwhile (theirs). Null when the edit does not apply cleanly.
 */
export function reapplyEdit(base: string, mine: string, theirs: string): string | null {
  const patch = createPatch("value", base, mine, "", "", { context: 1 });
  const merged = applyPatch(theirs, patch, { fuzzFactor: 0 });
  return merged === false ? null : merged;
}

export interface DiffLine {
  kind: "same" | "theirs" | "mine";
  text: string;
}

/** Line diff of their value against mine, flattened to lines for display as text. */
export function diffValues(theirs: string, mine: string): DiffLine[] {
  const out: DiffLine[] = [];
  const parts: Change[] = diffLines(theirs, mine);
  for (const p of parts) {
    const kind = p.added ? "mine" : p.removed ? "theirs" : "same";
    const lines = p.value.endsWith("\n") ? p.value.slice(0, -1).split("\n") : p.value.split("\n");
    for (const text of lines) out.push({ kind, text });
  }
  return out;
}
