import "server-only";
import { setFlagsFromString } from "node:v8";
import { log } from "./log";

/**
 * Caps how far V8 lets the heap grow past what was live after its last full collection.
 *
 * V8 picks that factor itself, up to 4× when collections are fast. The watch's full read
 * of a big catalog leaves tens of megabytes of garbage behind it (each slice's body and
 * parse tree outlive a few young-generation collections, so they die in the old generation).
 * With V8's factor, the next full collection came only once the heap had grown past
 * 340 MB with ~145 MB live, so the process's resident memory peaked at 545–571 MB at
 * 10,000 services × 10 instances, on a heap that holds ~145 MB. With a fixed 50 % it
 * peaked at 433 MB (20 %: 404 MB; 100 %: 431 MB), for more frequent, mostly concurrent,
 * collections (14 instead of 5 in the first minute).
 *
 * Applied when the first watch starts its first full read, not at start-up: while Next loads
 * its modules and renders the first page, the heap grows from nothing, and the cap's extra
 * collections made the first screen right after start ~450 ms slower (median of 6 starts at
 * 5,000 services: 1,586 against 1,138 ms).
 *
 * The flag is V8's own (`--heap-growing-percent`); Node refuses it in NODE_OPTIONS, so it is
 * set here, where it applies however the server is started. 0 leaves V8's rule. Setting it
 * again is harmless.
 */
export function applyHeapGrowth(percent: number): void {
  if (!Number.isInteger(percent) || percent < 0 || percent > 400) {
    throw new RangeError(`heap growth must be a whole percentage from 0 to 400, got ${percent}`);
  }
  if (percent === 0) return;
  setFlagsFromString(`--heap-growing-percent=${percent}`);
  log.debug({ heapGrowthPercent: percent }, `V8 heap growth set to ${percent} % past the live heap`);
}
