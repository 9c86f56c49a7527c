/** Next.js start-up hook: validates the configuration before the first request. */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME === "nodejs") {
    const { checkConfigOrExit } = await import("./lib/server/startup");
    checkConfigOrExit();
    const { installShutdown } = await import("./lib/server/shutdown");
    installShutdown();
    const { warmLocalWatch } = await import("./lib/server/watch/warm");
    warmLocalWatch();
  }
}
