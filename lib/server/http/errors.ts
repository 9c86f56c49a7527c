import "server-only";
import { ERROR_STATUS, type ErrorKind } from "@/lib/api/errors";
import { log } from "../log";
import { isConsulError } from "../consul/errors";
import { DomainError } from "../errors";

export interface ErrorAnswer {
  status: number;
  kind: ErrorKind;
  message: string;
  /** Extra fields of the JSON answer, beside `error` (e.g. the current value on a conflict). */
  extra: Record<string, unknown>;
}

/** Maps a failure to what the browser may see; unknown errors are logged and hidden. */
export function describeError(err: unknown): ErrorAnswer {
  if (err instanceof DomainError) return { status: err.status, kind: err.kind, message: err.message, extra: err.extra };
  if (isConsulError(err)) {
    switch (err.kind) {
      case "http":
        // 403 keeps Consul's words ("Permission denied: …", "ACL not found").
        if (err.status === 403) return answer("forbidden", err.message);
        if (err.status === 404) return answer("not_found", err.message || "Not found in Consul");
        if (err.status === 413) return answer("too_large", err.message);
        // Consul's own overload answer (e.g. http_max_conns_per_client reached): not the request's fault.
        if (err.status === 429) return answer("busy", `Consul is refusing requests for now (429): ${err.message}`);
        if (err.status !== undefined && err.status < 500) return answer("consul_rejected", err.message);
        return answer("consul_error", `Consul answered ${err.status}: ${err.message}`);
      case "network":
        return answer("unreachable", err.message);
      case "timeout":
        return answer("timeout", err.message);
      case "parse":
        return answer("bad_upstream", err.message);
    }
  }
  // Our own signal, aborted because the browser went away mid-request (Consul's deadlines are ConsulErrors):
  // nobody reads the answer, and it is not a fault of the server.
  if (err instanceof Error && err.name === "AbortError") {
    log.info({ problem: err.message }, "Request cancelled: the client went away");
    return answer("internal", "The request was cancelled");
  }
  log.error({ err }, "Unhandled error in route");
  return answer("internal", "Internal error; see the dashboard server's log");
}

function answer(kind: ErrorKind, message: string): ErrorAnswer {
  return { status: ERROR_STATUS[kind], kind, message, extra: {} };
}
