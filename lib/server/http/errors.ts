import "server-only";
import { ConfigError } from "../config";
import { log } from "../log";
import { isConsulError } from "../consul/errors";
import { UnknownDatacenterError } from "../health/datacenters";

export interface ErrorAnswer {
  status: number;
  kind: string;
  message: string;
}

/** Maps a failure to what the browser may see; unknown errors are logged and hidden. */
export function describeError(err: unknown): ErrorAnswer {
  if (isConsulError(err)) {
    switch (err.kind) {
      case "http":
        // 403 keeps Consul's words ("Permission denied: …", "ACL not found").
        if (err.status === 403) return { status: 403, kind: "forbidden", message: err.message };
        if (err.status === 404) return { status: 404, kind: "not_found", message: err.message || "Not found in Consul" };
        if (err.status === 413) return { status: 413, kind: "too_large", message: err.message };
        if (err.status !== undefined && err.status < 500) return { status: 400, kind: "consul_rejected", message: err.message };
        return { status: 502, kind: "consul_error", message: `Consul answered ${err.status}: ${err.message}` };
      case "network":
        return { status: 503, kind: "unreachable", message: err.message };
      case "timeout":
        return { status: 504, kind: "timeout", message: err.message };
      case "parse":
        return { status: 502, kind: "bad_upstream", message: err.message };
    }
  }
  if (err instanceof UnknownDatacenterError) return { status: 404, kind: "unknown_datacenter", message: err.message };
  if (err instanceof ConfigError) return { status: 500, kind: "config", message: err.message };
  log.error({ err }, "Unhandled error in route");
  return { status: 500, kind: "internal", message: "Internal error; see the dashboard server's log" };
}
