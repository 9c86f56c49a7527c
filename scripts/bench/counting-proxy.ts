import { startRecordingProxy, type RecordedRequest } from "../consul/recording-proxy";

export interface CountingProxy {
  url: string;
  /** Requests forwarded so far, by path (without query). */
  counts(): Map<string, number>;
  total(pathPrefix?: string): number;
  /** Every request forwarded so far, with when it started and ended. */
  requests(): RecordedRequest[];
  reset(): void;
  close(): Promise<void>;
}

/**
 * The recording proxy (scripts/consul/recording-proxy.ts) seen as request counts by path,
 * so a bench or a test can prove how many upstream requests the dashboard makes.
 */
export async function startCountingProxy(target: string): Promise<CountingProxy> {
  const proxy = await startRecordingProxy(target);
  const counts = () => {
    const out = new Map<string, number>();
    for (const r of proxy.requests()) out.set(r.path, (out.get(r.path) ?? 0) + 1);
    return out;
  };
  return {
    url: proxy.url,
    counts,
    requests: () => proxy.requests(),
    total: (prefix = "") => proxy.requests().filter((r) => r.path.startsWith(prefix)).length,
    reset: () => proxy.reset(),
    close: () => proxy.close(),
  };
}
