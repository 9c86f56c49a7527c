import "server-only";
import { segmentProblem } from "@/lib/consul/path-segment";
import { DomainError } from "../errors";

/**
 * A segment that would not reach Consul as itself: empty, `.` or `..` in any spelling
 * (`%2e`, `%2E%2e`, …: the URL parser resolves them and walks to another endpoint), or
 * a control character. Refused before any request, as a 400.
 */
export class UnsafePathError extends DomainError {
  constructor(
    readonly segment: string,
    readonly problem: string,
  ) {
    super("bad_request", `Refused before asking Consul: ${JSON.stringify(segment.slice(0, 80))} is ${problem}, which a Consul URL cannot carry.`);
    this.name = "UnsafePathError";
  }
}

function encodeSegment(segment: string): string {
  const problem = segmentProblem(segment);
  if (problem !== null) throw new UnsafePathError(segment, problem);
  return encodeURIComponent(segment);
}

/**
 * The one builder of Consul API paths: `consulPath("health", "service", name)` is
 * `/v1/health/service/<name>`, each segment checked and encoded on its own (a `/`
 * inside a segment is encoded, never a separator). Throws UnsafePathError for a
 * segment that is empty, a dot segment in any spelling, or has control characters.
 */
export function consulPath(...segments: string[]): string {
  return `/v1/${segments.map(encodeSegment).join("/")}`;
}

/**
 * The path of a KV key or folder: its `/` are separators, so every segment must be
 * safe except the last, which may be empty (a folder `a/b/`, or the root `""`).
 * Keys that fail here go through /v1/txn (see isPathSafe in lib/kv/key.ts).
 */
export function consulKvPath(key: string): string {
  const segments = key.split("/");
  const last = segments.pop() ?? "";
  const encoded = segments.map(encodeSegment);
  encoded.push(last === "" ? "" : encodeSegment(last));
  return `/v1/kv/${encoded.join("/")}`;
}

/** The metrics label of a Consul path: `/v1/health/state/any` → "health/state"; KV keys never become labels: `/v1/kv/a/b` → "kv". */
export function consulGroup(path: string): string {
  const parts = (path.split("?")[0] ?? "").replace(/^\/v1\//, "").split("/").filter(Boolean);
  if (parts[0] === "kv") return "kv";
  return parts.slice(0, 2).join("/") || "other";
}
