import "server-only";
import { ConfigError, getConfig } from "./config";
import { log } from "./log";

/** A bad configuration stops the server at once, with a message naming the variable. */
export function checkConfigOrExit(): void {
  try {
    const config = getConfig();
    const { host, allowedHosts, frameAncestors } = config.serve;
    log.info(
      { consul: config.consulUrl, readOnly: config.readOnly, host, allowedHosts: allowedHosts.map((h) => (h.port ? `${h.host}:${h.port}` : h.host)), frameAncestors },
      `Consul Dashboard: Consul at ${config.consulUrl}${config.readOnly ? " (read-only)" : ""}`,
    );
  } catch (err) {
    if (err instanceof ConfigError) {
      // Plain text on stderr, not JSON: an operator reads this one at the terminal.
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
