/** Consul's Flags and indexes are uint64: kept as decimal strings, checked with BigInt. */
const MAX = (BigInt(1) << BigInt(64)) - BigInt(1);

export function isUint64(s: string): boolean {
  return /^(0|[1-9]\d{0,19})$/.test(s) && BigInt(s) <= MAX;
}

export function uint64Problem(s: string): string | null {
  if (!/^\d+$/.test(s.trim())) return "Flags must be a whole number from 0 to 18446744073709551615.";
  if (!isUint64(s.trim())) return "Flags must be at most 18446744073709551615 (an unsigned 64-bit number).";
  return null;
}
