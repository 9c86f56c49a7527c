import "server-only";
import type { ErrorKind } from "@/lib/api/errors";
import { DomainError } from "../errors";

/** A refusal we decide ourselves (bad input, read-only mode, cross-origin, conflicts): its kind sets the status. */
export class HttpError extends DomainError {
  constructor(kind: ErrorKind, message: string, extra: Record<string, unknown> = {}) {
    super(kind, message, extra);
    this.name = "HttpError";
  }
}
