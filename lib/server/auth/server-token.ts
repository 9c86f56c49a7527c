import "server-only";
import { getConfig } from "../config";
import { mayWriteKey } from "../consul/acl";

/**
 * Start-up warning: the server's token should only read. Every visitor reads with
 * it (DASHBOARD_READS=anyone), and with DASHBOARD_WRITES=anyone it writes for them;
 * a token that can write KV turns a leaked dashboard URL into write access. Asked
 * of Consul's authorize endpoint; when Consul cannot say (no ACLs, older agent),
 * nothing is logged.
 */
export async function warnIfServerTokenWrites(): Promise<void> {
  const { access } = getConfig();
  const allowed = await mayWriteKey("", undefined).catch(() => null);
  if (allowed !== true) return;
  const note =
    access.writes === "anyone"
      ? "and DASHBOARD_WRITES=anyone lets every visitor write with it"
      : "though the dashboard never writes with it (DASHBOARD_WRITES=" + access.writes + ")";
  console.warn(
    `Consul Dashboard: warning: the server's token (CONSUL_HTTP_TOKEN) can write KV, ${note}. Give it a read-only policy instead (see README, "Access").`,
  );
}
