import { isDotSegment, segmentProblem } from "@/lib/consul/path-segment";

/**
 * Which names the dashboard addresses as a Consul service or node. Consul's catalog
 * itself accepts almost anything non-empty (checked against a 1.22.7 agent: `a/b`,
 * `..`, control characters and 70,000-character names all register), but a name the
 * dashboard puts in a Consul URL must be one segment that no parser rewrites. Such a
 * name is refused with a 400 before any request to Consul.
 */

/** Longest name accepted, in UTF-8 bytes (DNS-compatible names are at most 63). */
export const MAX_NAME_BYTES = 512;

export type NameKind = "service" | "node";

/** Why `name` cannot be a service/node name the dashboard looks up, or null when it can. */
export function nameProblem(name: string, kind: NameKind = "service"): string | null {
  if (name.length === 0) return `The ${kind} name is empty.`;
  const bytes = new TextEncoder().encode(name).length;
  if (bytes > MAX_NAME_BYTES) return `The ${kind} name is ${bytes} bytes long; the dashboard accepts at most ${MAX_NAME_BYTES}.`;
  if (name.includes("/")) return `A ${kind} name must not contain “/”.`;
  if (isDotSegment(name)) return `A ${kind} name must not be “.” or “..” (in any spelling, e.g. “%2e”).`;
  // Control characters, raw or percent-encoded (a name is one segment of a Consul URL).
  if (segmentProblem(name) !== null) return `A ${kind} name must not contain control characters.`;
  return null;
}

/** Datacenter names are letters, digits, `_` and `-` (Consul's own rule for `datacenter`). */
export const MAX_DC_LENGTH = 128;

export function datacenterProblem(dc: string): string | null {
  if (dc.length === 0) return "The datacenter name is empty.";
  if (dc.length > MAX_DC_LENGTH) return `The datacenter name is ${dc.length} characters long; at most ${MAX_DC_LENGTH}.`;
  if (!/^[A-Za-z0-9_-]+$/.test(dc)) return "A datacenter name has only letters, digits, “_” and “-”.";
  return null;
}

/** A name from a URL segment, or null when the segment is not valid percent-encoding. */
export function decodeName(raw: string): string | null {
  try {
    return decodeURIComponent(raw);
  } catch {
    return null;
  }
}
