/** Next.js start-up hook: validates the configuration before the first request, then warms the local watch. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    // The local datacenter's first Consul reads go out before the rest of the server's code loads
    // (a few hundred milliseconds on two cores), so Consul computes its summary meanwhile.
    const { startEarlyRead } = await import("./lib/server/watch/early-read");
    startEarlyRead();
    const { startServer } = await import("./lib/server/wiring");
    startServer();
  }
}
