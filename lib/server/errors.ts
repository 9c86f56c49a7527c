import "server-only";
import { recogniseAcrossBundles } from "./brand";
import { ERROR_STATUS, type ErrorKind } from "@/lib/api/errors";

/**
 * A failure the server decides itself and the browser may see as it is: it carries
 * its kind from the closed list in lib/api/errors.ts, and so its HTTP status. The
 * route wrapper maps every DomainError the same way, without knowing the feature
 * that threw it.
 */
const BRAND = Symbol.for("consul-dashboard.domain-error");

export class DomainError extends Error {
  readonly [BRAND] = true;

  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** Extra fields for the JSON answer, e.g. the current value on a conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "DomainError";
  }

  get status(): number {
    return ERROR_STATUS[this.kind];
  }
}
recogniseAcrossBundles(DomainError, BRAND);
