import "server-only";
import type { ImportRow } from "@/lib/api/kv";
import { keyProblem } from "@/lib/kv/key";
import { isUint64 } from "@/lib/kv/uint64";
import { sizeProblem } from "@/lib/kv/value";
import { HttpError } from "../http/http-error";

/**
 * Import rows as the server will write them, checked as if typed in the editor. The
 * browser's rows are a request, not a fact: whether a row creates a key is decided
 * from what Consul holds now, the size from the decoded bytes, and flags and indexes
 * must be strict uint64 digits.
 */
export interface CheckedRow {
  key: string;
  bytes: Buffer;
  flags: string;
  expectIndex: string;
  /** Writing this row would create the key (Consul does not hold it now, or the row asks for cas 0). */
  creates: boolean;
}

/** A control character in a key, named, or null. */
export function controlCharProblem(key: string): string | null {
  const m = /[\u0000-\u001f\u007f-\u009f]/.exec(key);
  if (!m) return null;
  const code = `U+${m[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, "0")}`;
  return `The key contains the control character ${code} at position ${m.index + 1}; nothing was sent to Consul.`;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

export function checkImportRows(rows: readonly ImportRow[], existing: ReadonlySet<string>, maxValueBytes: number): CheckedRow[] {
  const out: CheckedRow[] = [];
  for (const [i, r] of rows.entries()) {
    if (r.action === "unchanged") continue;
    const at = `Row ${i + 1} (“${r.key}”)`;
    const bad = (field: string, problem: string) => new HttpError("bad_request", `${at}: ${field}: ${problem}; nothing was imported.`);
    if (!isUint64(r.flags)) throw bad("flags", `“${r.flags}” is not a whole number from 0 to 18446744073709551615`);
    if (!isUint64(r.expectIndex)) throw bad("expectIndex", `“${r.expectIndex}” is not a whole number from 0 to 18446744073709551615`);
    if (!BASE64.test(r.value) || r.value.length % 4 !== 0) throw bad("value", "not standard base64");
    const control = controlCharProblem(r.key);
    if (control) throw new HttpError("bad_key", `${at}: ${control}`);
    const creates = r.expectIndex === "0" || !existing.has(r.key);
    if (creates) {
      const problem = keyProblem(r.key);
      if (problem) throw new HttpError("bad_key", `${at}: ${problem} Nothing was imported.`);
    }
    const bytes = Buffer.from(r.value, "base64");
    const tooBig = sizeProblem(bytes.length, maxValueBytes);
    if (tooBig) throw new HttpError("too_large", `${at}: ${tooBig}`);
    out.push({ key: r.key, bytes, flags: r.flags, expectIndex: r.expectIndex, creates });
  }
  return out;
}

/** The deepest folder holding every key ("" when they share none). */
export function commonFolder(keys: readonly string[]): string {
  if (keys.length === 0) return "";
  let p = keys[0] ?? "";
  for (const k of keys) while (!k.startsWith(p)) p = p.slice(0, -1);
  return p.slice(0, p.lastIndexOf("/") + 1);
}
