/**
 * Pure rules behind the dashboard's hardened HTTP (proxy.ts): the Host allowlist that
 * stops DNS rebinding, and the security headers with a per-request CSP nonce.
 * No I/O and no environment: the proxy passes the configured values in.
 */

export interface HostEntry {
  /** Lower-case host name or address; IPv6 in brackets, e.g. "[::1]". */
  host: string;
  /** Port as typed; undefined allows any port. */
  port: string | undefined;
}

const HOST_PORT = /^(\[[0-9a-f:.]+\]|[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*)(?::(\d{1,5}))?$/;

/** Splits `host[:port]` (as in a Host header or an allowlist entry); undefined when malformed. */
export function parseHostPort(raw: string): HostEntry | undefined {
  const value = raw.trim().toLowerCase().replace(/\.(?=:|$)/, "");
  const m = HOST_PORT.exec(value);
  if (!m?.[1]) return undefined;
  const port = m[5];
  if (port !== undefined && (Number(port) < 1 || Number(port) > 65535)) return undefined;
  return { host: m[1], port };
}

/** A bind address as a Host-header host: IPv6 gets its brackets. */
export function bindAddressAsHost(address: string): string {
  const a = address.trim().toLowerCase();
  return a.includes(":") && !a.startsWith("[") ? `[${a}]` : a;
}

/** Addresses that mean "every interface": no one types them in a browser. */
const WILDCARDS = new Set(["0.0.0.0", "[::]", "[0:0:0:0:0:0:0:0]"]);

/** The default allowlist: the bind address (unless a wildcard) and the loopback names. */
export function defaultAllowedHosts(bindAddress: string): HostEntry[] {
  const names = [bindAddressAsHost(bindAddress), "localhost", "127.0.0.1", "[::1]"].filter((h) => !WILDCARDS.has(h));
  return [...new Set(names)].map((host) => ({ host, port: undefined }));
}

/** Whether a request's Host header names this dashboard; a missing or malformed header never does. */
export function hostAllowed(hostHeader: string | null | undefined, allowed: readonly HostEntry[]): boolean {
  if (!hostHeader) return false;
  const h = parseHostPort(hostHeader);
  if (!h) return false;
  return allowed.some((a) => a.host === h.host && (a.port === undefined || a.port === h.port));
}

/** A fresh, unguessable nonce (128 bits, base64). */
export function makeNonce(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes));
}

export interface CspOptions {
  nonce: string;
  /** React in development needs eval for its debugging aids; never in production. */
  dev: boolean;
  /** Origins allowed to frame this response; empty means nobody ('none'). */
  frameAncestors: readonly string[];
}

/**
 * The Content-Security-Policy of one response. Scripts run only from this origin or by
 * nonce ('strict-dynamic' lets Next's nonce'd loader pull its chunks). Styles allow
 * 'unsafe-inline' because CodeMirror and recharts set inline styles; a nonce in
 * style-src would make browsers ignore 'unsafe-inline', so there is none.
 */
export function buildCsp(o: CspOptions): string {
  const directives: [string, string][] = [
    ["default-src", "'self'"],
    ["script-src", `'self' 'nonce-${o.nonce}' 'strict-dynamic'${o.dev ? " 'unsafe-eval'" : ""}`],
    ["style-src", "'self' 'unsafe-inline'"],
    ["img-src", "'self' data: blob:"],
    ["font-src", "'self'"],
    ["connect-src", "'self'"],
    ["object-src", "'none'"],
    ["base-uri", "'self'"],
    ["form-action", "'self'"],
    ["frame-ancestors", o.frameAncestors.length ? o.frameAncestors.join(" ") : "'none'"],
  ];
  return directives.map(([k, v]) => `${k} ${v}`).join("; ");
}

/** Only the wall display may be embedded (in a status page or a kiosk frame), and only when configured. */
export function frameAncestorsFor(pathname: string, configured: readonly string[]): readonly string[] {
  return pathname === "/wall" || pathname.startsWith("/wall/") ? configured : [];
}

export const PERMISSIONS_POLICY = [
  "camera=()",
  "microphone=()",
  "geolocation=()",
  "payment=()",
  "usb=()",
  "serial=()",
  "bluetooth=()",
  "hid=()",
  "midi=()",
  "magnetometer=()",
  "gyroscope=()",
  "accelerometer=()",
  "display-capture=()",
  "interest-cohort=()",
].join(", ");

/** Every response's security headers (pages, API routes and static files alike). */
export function securityHeaders(o: { pathname: string; nonce: string; dev: boolean; frameAncestors: readonly string[] }): Record<string, string> {
  const ancestors = frameAncestorsFor(o.pathname, o.frameAncestors);
  const headers: Record<string, string> = {
    "content-security-policy": buildCsp({ nonce: o.nonce, dev: o.dev, frameAncestors: ancestors }),
    "x-content-type-options": "nosniff",
    "referrer-policy": "no-referrer",
    "permissions-policy": PERMISSIONS_POLICY,
    "cross-origin-opener-policy": "same-origin",
  };
  // X-Frame-Options cannot name origins; CSP frame-ancestors governs where it is allowed.
  if (ancestors.length === 0) headers["x-frame-options"] = "DENY";
  return headers;
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;

/** Keeps a caller's (e.g. a reverse proxy's) request id when it is sane, else makes one. */
export function requestIdFrom(incoming: string | null | undefined): string {
  return incoming && REQUEST_ID.test(incoming) ? incoming : crypto.randomUUID();
}
