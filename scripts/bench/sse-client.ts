/** A minimal SSE reader for the benchmark: records when each event arrived and how many bytes came. */
export interface SseClient {
  bytes: number;
  /** Resolves with the arrival time (ms epoch) of the first `delta` after `since` mentioning `service`. */
  waitFor(service: string, since: number, timeoutMs: number): Promise<number>;
  ready: Promise<void>;
  close(): void;
}

export function openSse(url: string): SseClient {
  const ctrl = new AbortController();
  const arrivals: { at: number; data: string }[] = [];
  const waiters = new Set<() => void>();
  let resolveReady = () => {};
  const ready = new Promise<void>((r) => (resolveReady = r));
  const client: SseClient = {
    bytes: 0,
    ready,
    close: () => ctrl.abort(),
    waitFor(service, since, timeoutMs) {
      const needle = `"name":${JSON.stringify(service)}`;
      return new Promise((resolve, reject) => {
        const check = () => {
          const hit = arrivals.find((a) => a.at >= since && a.data.includes(needle));
          if (hit) {
            waiters.delete(check);
            clearTimeout(timer);
            resolve(hit.at);
          }
        };
        const timer = setTimeout(() => {
          waiters.delete(check);
          reject(new Error(`no delta for ${service} within ${timeoutMs} ms`));
        }, timeoutMs);
        waiters.add(check);
        check();
      });
    },
  };
  void (async () => {
    const res = await fetch(url, { signal: ctrl.signal });
    if (!res.body) throw new Error("no body");
    const decoder = new TextDecoder();
    let buf = "";
    const reader = res.body.getReader();
    for (;;) {
      const { done, value: chunk } = await reader.read();
      if (done) break;
      client.bytes += chunk.byteLength;
      buf += decoder.decode(chunk, { stream: true });
      let i: number;
      while ((i = buf.indexOf("\n\n")) >= 0) {
        const frame = buf.slice(0, i);
        buf = buf.slice(i + 2);
        const at = Date.now();
        if (frame.startsWith("event: snapshot")) resolveReady();
        if (frame.startsWith("event: delta")) {
          arrivals.push({ at, data: frame });
          if (arrivals.length > 200) arrivals.shift();
          for (const w of [...waiters]) w();
        }
      }
    }
  })().catch(() => {});
  return client;
}
