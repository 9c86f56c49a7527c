import "server-only";
import { recogniseAcrossBundles } from "../brand";

export type ConsulErrorKind = "http" | "network" | "timeout" | "parse";

/**
 * Every failure talking to Consul is one of these. For `http`, `message` is
 * Consul's own response text (e.g. "Permission denied: token with AccessorID …"
 * or "ACL not found"), kept verbatim so the operator sees Consul's words.
 */
const BRAND = Symbol.for("consul-dashboard.consul-error");

export class ConsulError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly kind: ConsulErrorKind,
    message: string,
    readonly status?: number,
    readonly path?: string,
    options?: { cause?: unknown; index?: string | null },
  ) {
    super(message, options);
    this.name = "ConsulError";
    this.index = options?.index ?? null;
  }

  /** X-Consul-Index of an HTTP error answer: a blocking read of a missing prefix (404) still blocks on it. */
  readonly index: string | null;

  get isPermissionDenied(): boolean {
    return this.kind === "http" && this.status === 403;
  }
}
recogniseAcrossBundles(ConsulError, BRAND);

export function isConsulError(err: unknown): err is ConsulError {
  return err instanceof ConsulError;
}
