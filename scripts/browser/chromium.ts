import { existsSync } from "node:fs";

/** Debian's Chromium (or CHROMIUM_PATH); Playwright's own browser downloads are not used. */
export function chromiumPath(): string {
  return process.env.CHROMIUM_PATH || "/usr/bin/chromium";
}

export function assertChromium(): void {
  const p = chromiumPath();
  if (!existsSync(p)) {
    throw new Error(
      `Chromium not found at ${p}. Install Debian's Chromium (sudo apt-get install -y chromium) or set CHROMIUM_PATH to a Chromium binary.`,
    );
  }
}
