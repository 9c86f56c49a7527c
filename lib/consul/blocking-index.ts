/**
 * Consul's rules for the index of the next blocking query
 * (https://developer.hashicorp.com/consul/api-docs/features/blocking).
 * Indexes are uint64, so they stay strings and compare as BigInt.
 */
export function nextBlockingIndex(previous: string, returned: string | null | undefined): string {
  if (!returned || !/^\d+$/.test(returned)) return "0";
  const ret = BigInt(returned);
  // An index of 0 would make the next query return at once, forever: use 1.
  if (ret === BigInt(0)) return "1";
  // The index went backwards (e.g. a snapshot restore or a new leader): start over.
  if (/^\d+$/.test(previous) && ret < BigInt(previous)) return "0";
  return returned;
}

/** The HTTP timeout for a blocking query: longer than wait plus Consul's wait/16 jitter. */
export function blockingTimeoutMs(waitMs: number, marginMs = 5_000): number {
  return waitMs + Math.ceil(waitMs / 16) + marginMs;
}
