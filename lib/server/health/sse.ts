import "server-only";
import { HEARTBEAT_SECONDS } from "@/lib/api/live";
import { registerStream } from "../shutdown";

const encoder = new TextEncoder();

/** One Server-Sent Event. */
export function sseFrame(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export interface SseSink {
  send(chunk: Uint8Array): void;
}

/**
 * An SSE body with the same habits as the live stream: a `retry` hint, a `ping`
 * heartbeat, cleanup when the browser goes away or the server drains. `start` wires
 * the feed and returns its own cleanup (release leases, unsubscribe).
 */
export function sseBody(abort: AbortSignal, start: (sink: SseSink) => () => void): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let closed = false;
      const untrack = registerStream(() => cleanup());
      const sink: SseSink = {
        send(chunk) {
          if (closed) return;
          try {
            controller.enqueue(chunk);
          } catch {
            cleanup();
          }
        },
      };
      sink.send(encoder.encode(`retry: 2000\n\n`));
      let stop: () => void = () => {};
      const heartbeat = setInterval(() => sink.send(sseFrame("ping", { at: new Date().toISOString() })), HEARTBEAT_SECONDS * 1000);
      cleanup = () => {
        if (closed) return;
        closed = true;
        untrack();
        clearInterval(heartbeat);
        stop();
        try {
          controller.close();
        } catch {
          // Already closed by the client going away.
        }
      };
      try {
        stop = start(sink);
      } catch (err) {
        cleanup();
        throw err;
      }
      abort.addEventListener("abort", () => cleanup(), { once: true });
    },
    cancel() {
      cleanup();
    },
  });
}

export const SSE_HEADERS = {
  "content-type": "text/event-stream; charset=utf-8",
  "cache-control": "no-cache, no-store, no-transform",
  connection: "keep-alive",
  "x-accel-buffering": "no",
} as const;
