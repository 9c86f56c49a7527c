import { z } from "zod";

/**
 * The closed set of error kinds our API answers with, each with its HTTP status.
 * Routes throw these kinds (through HttpError or a domain error that carries one),
 * one wrapper maps them to answers, and the browser parses the same list.
 */
export const ERROR_STATUS = {
  bad_request: 400,
  bad_key: 400,
  not_confirmed: 400,
  acl_disabled: 400,
  consul_rejected: 400,
  bad_token: 401,
  /** This dashboard reads or writes only for signed-in operators (DASHBOARD_READS / DASHBOARD_WRITES). */
  sign_in_required: 401,
  /** The operator's session expired, was signed out, or Consul no longer accepts its token. */
  session_ended: 401,
  forbidden: 403,
  cross_origin: 403,
  read_only: 403,
  not_found: 404,
  unknown_datacenter: 404,
  conflict: 409,
  too_large: 413,
  internal: 500,
  config: 500,
  consul_error: 502,
  bad_upstream: 502,
  unreachable: 503,
  busy: 503,
  timeout: 504,
} as const;

export type ErrorKind = keyof typeof ERROR_STATUS;

export const ErrorKindSchema = z.enum(Object.keys(ERROR_STATUS) as [ErrorKind, ...ErrorKind[]]);

/** The one error body every route answers with: `{ error: { kind, message } }` plus, for some kinds, extra fields. */
export const ApiErrorSchema = z.object({
  // A kind this build does not know (a newer server) still shows its message.
  error: z.object({ kind: z.string(), message: z.string() }),
});
export type ApiError = z.output<typeof ApiErrorSchema>;
