import "server-only";

/** A refusal we decide ourselves (bad input, read-only mode, cross-origin, conflicts): status, kind and message as sent. */
export class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly kind: string,
    message: string,
    /** Extra fields for the JSON answer, e.g. the current value on a conflict. */
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
    this.name = "HttpError";
  }
}
