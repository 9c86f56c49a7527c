import { parse as parseLossless } from "lossless-json";
import { z } from "zod";
import { isUint64 } from "./uint64";

/**
 * The file format of `consul kv export` / `consul kv import`: a JSON array of
 * {key, flags, value} with value in standard base64 and flags a uint64 number.
 * Flags stay decimal strings here so values above 2^53 survive.
 */
export interface ExportEntry {
  key: string;
  flags: string;
  value: string;
}

const base64 = z.string().regex(/^[A-Za-z0-9+/]*={0,2}$/, { message: "value must be standard base64" });

const entrySchema = z.object({
  key: z.string().min(1, { message: "key must not be empty" }),
  flags: z.string().refine(isUint64, { message: "flags must be an unsigned 64-bit integer" }),
  value: base64,
});

const exportFileSchema = z.array(entrySchema);

/** Parses an export file without losing uint64 precision; throws an Error naming the problem. */
export function parseExportFile(text: string): ExportEntry[] {
  let raw: unknown;
  try {
    // Every number arrives as its decimal text; zod checks it is a uint64.
    raw = parseLossless(text, null, (n: string) => n);
  } catch (err) {
    throw new Error(`The file is not JSON: ${err instanceof Error ? err.message : String(err)}`);
  }
  const parsed = exportFileSchema.safeParse(raw);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const at = issue?.path.length ? ` (entry ${issue.path.join(".")})` : "";
    throw new Error(`The file is not in \`consul kv export\` format${at}: ${issue?.message ?? "invalid"}`);
  }
  return parsed.data;
}

/** Go's encoding/json escapes these in strings; `consul kv export` output carries them escaped. */
function goString(s: string): string {
  return JSON.stringify(s).replace(/[<>&\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/** Byte-for-byte what `consul kv export` prints (json.MarshalIndent with tabs, plus a newline). */
export function formatExportFile(entries: readonly ExportEntry[]): string {
  if (entries.length === 0) return "[]\n";
  const items = entries.map(
    (e) => `\t{\n\t\t"key": ${goString(e.key)},\n\t\t"flags": ${e.flags},\n\t\t"value": ${goString(e.value)}\n\t}`,
  );
  return `[\n${items.join(",\n")}\n]\n`;
}

