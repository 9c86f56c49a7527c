import "server-only";
import { readFileSync } from "node:fs";
import path from "node:path";

/**
 * The deployed build's id (Next writes it at build time). Read from disk on each call:
 * a wall compares it with the id it was loaded with and reloads after a deploy.
 */
export function buildId(): string {
  try {
    return readFileSync(path.join(/*turbopackIgnore: true*/ process.cwd(), ".next", "BUILD_ID"), "utf8").trim();
  } catch {
    return "development";
  }
}
