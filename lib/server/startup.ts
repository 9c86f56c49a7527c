import "server-only";
import { ConfigError, getConfig } from "./config";

/** A bad configuration stops the server at once, with a message naming the variable. */
export function checkConfigOrExit(): void {
  try {
    const config = getConfig();
    console.log(`Consul Dashboard: Consul at ${config.consulUrl}${config.readOnly ? " (read-only)" : ""}`);
  } catch (err) {
    if (err instanceof ConfigError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
}
