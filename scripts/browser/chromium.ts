import { existsSync } from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH); Playwright's own browser downloads are not used. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

/**
 * How every harness here (e2e, benchmarks, screenshots) starts Debian's Chromium: as root in a
 * closed network, so no sandbox and no background calls home; and without the omnibox's
 * WebUI popup, which this Chromium's headless mode loads (tens of scripts) for every new tab.
 * On two cores that cost 200–300 ms of each page's first screen in the benchmark, for
 * Consul's UI and ours alike: it is the browser's own UI, not the page measured.
 */
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
  "--disable-dev-shm-usage",
  "--disable-features=WebUIOmniboxPopup,WebUIOmniboxAimPopup,WebUIOmniboxFullPopup",
];

export function assertChromium(): void {
  const p = chromiumPath();
  if (!existsSync(p)) {
    throw new Error(
      `Chromium not found at ${p}. Install Debian's Chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}
