/** Next.js start-up hook: validates the configuration before the first request, then warms the local watch. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { startServer } = await import("./lib/server/wiring");
    startServer();
  }
}
