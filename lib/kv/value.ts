import { parseTree, printParseErrorCode, type ParseError } from "jsonc-parser";
import { parseDocument } from "yaml";
import { formatBytes, utf8DecodeStrict } from "./bytes";

export type ValueFormat = "json" | "yaml" | "text";

export type SniffedValue =
  | { kind: "text"; text: string; format: ValueFormat }
  | { kind: "binary"; size: number };

export interface SyntaxProblem {
  message: string;
  line: number;
  column: number;
}

/** What a value looks like: binary unless valid UTF-8; JSON or YAML when it parses as a document. */
export function sniffValue(bytes: Uint8Array): SniffedValue {
  const text = utf8DecodeStrict(bytes);
  if (text === null) return { kind: "binary", size: bytes.length };
  return { kind: "text", text, format: guessFormat(text) };
}

export function guessFormat(text: string): ValueFormat {
  const t = text.trim();
  if (t === "") return "text";
  if ((t.startsWith("{") || t.startsWith("[")) && jsonProblem(text) === null) return "json";
  // Any text is a YAML scalar; only call it YAML when it is a mapping or a list.
  if (/^[\w"'.-][^\n]*:(\s|$)|^- /m.test(t) && yamlProblem(text) === null) {
    const doc = parseDocument(text);
    const c = doc.contents;
    if (c && typeof c === "object" && "items" in c) return "yaml";
  }
  return "text";
}

function lineCol(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let last = -1;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      last = i;
    }
  }
  return { line, column: offset - last };
}

/** The first JSON syntax error with its line and column, or null when the text is valid JSON. */
export function jsonProblem(text: string): SyntaxProblem | null {
  const errors: ParseError[] = [];
  parseTree(text, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
  const first = errors[0];
  if (!first) return null;
  return { message: humanJsonError(printParseErrorCode(first.error)), ...lineCol(text, first.offset) };
}

function humanJsonError(code: string): string {
  return code.replace(/([a-z])([A-Z])/g, "$1 $2").toLowerCase().replace(/^./, (c) => c.toUpperCase());
}

/** The first YAML error with its line and column, or null. */
export function yamlProblem(text: string): SyntaxProblem | null {
  const doc = parseDocument(text, { prettyErrors: false });
  const first = doc.errors[0];
  if (!first) return null;
  const pos = first.linePos?.[0];
  const firstLine = first.message.split("\n")[0] ?? first.message;
  return { message: firstLine, line: pos?.line ?? 1, column: pos?.col ?? 1 };
}

export function syntaxProblem(text: string, format: ValueFormat): SyntaxProblem | null {
  if (format === "json") return jsonProblem(text);
  if (format === "yaml") return yamlProblem(text);
  return null;
}

/** Pretty-prints JSON with 2 spaces; returns the text unchanged when it does not parse. */
export function prettyJson(text: string): string {
  try {
    return JSON.stringify(JSON.parse(text), null, 2);
  } catch {
    return text;
  }
}

/** A JSON object whose every value is a boolean: shown as feature-flag switches. */
export function featureFlags(text: string): Record<string, boolean> | null {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return null;
  }
  if (!parsed || typeof parsed !== "object" || Array.isArray(parsed)) return null;
  const entries = Object.entries(parsed);
  if (entries.length === 0 || !entries.every(([, v]) => typeof v === "boolean")) return null;
  return Object.fromEntries(entries) as Record<string, boolean>;
}

/** Flips one flag, keeping the value's layout (compact stays compact, indented stays indented). */
export function toggleFlag(text: string, name: string, on: boolean): string {
  const flags = featureFlags(text);
  if (!flags || !(name in flags)) throw new Error(`“${name}” is not a flag in this value.`);
  const indent = /\n(\s+)"/.exec(text)?.[1];
  const next = { ...flags, [name]: on };
  return indent ? JSON.stringify(next, null, indent.includes("\t") ? "\t" : indent.length) + (text.endsWith("\n") ? "\n" : "") : JSON.stringify(next);
}

export function sizeProblem(size: number, limit: number): string | null {
  return size > limit
    ? `The value is ${formatBytes(size)} (${size} bytes); Consul accepts at most ${formatBytes(limit)} (${limit} bytes) per key. Nothing was sent.`
    : null;
}
