/**
 * Which strings may be one segment of a Consul URL path. The WHATWG URL parser
 * (fetch, undici) resolves `.` and `..` segments before sending, and treats `%2e`
 * as a dot, so `/v1/health/service/../../acl/tokens` reaches `/v1/acl/tokens`;
 * Consul's router redirects `//`. Encoding does not help: such segments are refused.
 */

/** A control character (C0, DEL or C1): Consul's router answers such paths with an empty 400. */
export const CONTROL_CHARS = /[\u0000-\u001f\u007f-\u009f]/;

/** The string after percent-decoding until it no longer changes (a stray `%` stops the decoding). */
function decodedForms(s: string): string[] {
  const forms = [s];
  let cur = s;
  for (let i = 0; i < 4; i++) {
    let next: string;
    try {
      next = decodeURIComponent(cur);
    } catch {
      break;
    }
    if (next === cur) break;
    forms.push(next);
    cur = next;
  }
  return forms;
}

/** True when the text is, or decodes to, a dot segment (`.`, `..`, `%2e`, `%2E%2e`, `..%2F` …). */
export function isDotSegment(s: string): boolean {
  return decodedForms(s).some((form) => form.split(/[/\\]/).some((piece) => piece === "." || piece === ".."));
}

/** Why a string cannot be one segment of a Consul URL path, or null when it can (once encoded). */
export function segmentProblem(s: string): string | null {
  if (s === "") return "an empty segment";
  if (isDotSegment(s)) return "a “.” or “..” segment (in some spelling)";
  if (decodedForms(s).some((f) => CONTROL_CHARS.test(f))) return "a control character";
  return null;
}
