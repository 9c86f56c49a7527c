import { ensureConsulBinary } from "../../scripts/consul/binary";
import { assertChromium } from "../../scripts/browser/chromium";

/** Fails early, with how to fix it, when Chromium or Consul is missing; builds Consul on first use. */
export default function globalSetup(): void {
  assertChromium();
  ensureConsulBinary();
}
