import type { QueryClient, QueryKey } from "@tanstack/react-query";
import type { z } from "zod";
import { HEARTBEAT_SECONDS, SILENCE_HEARTBEATS } from "@/lib/api/live";
import type { ConnectionState } from "@/components/health/queries";

/** Parses an event's JSON with its contract; a bad event is logged and skipped, never trusted. */
export function parseEvent<S extends z.ZodType>(schema: S, event: string, data: string): z.output<S> | undefined {
  try {
    const r = schema.safeParse(JSON.parse(data));
    if (r.success) return r.data;
    console.error(`Event "${event}" does not match its contract`, r.error.issues[0]);
  } catch (err) {
    console.error(`Event "${event}" is not JSON`, err);
  }
  return undefined;
}

export interface StreamOptions {
  url: string;
  /** The query that holds the connection's state (connecting, open, dropped) and since when. */
  connectionKey: QueryKey;
  /** What to do with each event, by name, given its raw data; "ping" is the server's heartbeat. */
  events: Record<string, (data: string) => void>;
  /** Called whenever the server is heard: the stream opened, a heartbeat or an event arrived. */
  heard?: () => void;
}

/**
 * Keeps one of our event streams open: silence longer than SILENCE_HEARTBEATS heartbeats, or a
 * closed stream, marks the connection dropped, and it reopens with back-off, forever. The
 * browser's own retry covers short blips; a closed stream (an HTTP error) is ours to reopen.
 * Returns the function that closes it for good.
 */
export function keepStreamOpen(qc: QueryClient, o: StreamOptions): () => void {
  const setStatus = (status: ConnectionState["status"]) =>
    qc.setQueryData<ConnectionState>(o.connectionKey, (prev) => (prev?.status === status ? prev : { status, since: new Date().toISOString() }));
  let es: EventSource | undefined;
  let silence: ReturnType<typeof setTimeout> | undefined;
  let reopen: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let disposed = false;

  const drop = () => {
    setStatus("dropped");
    es?.close();
    clearTimeout(silence);
    clearTimeout(reopen);
    attempt++;
    reopen = setTimeout(open, Math.min(10_000, 500 * attempt * attempt) * (0.5 + Math.random() / 2));
  };
  const alive = (heard = true) => {
    clearTimeout(silence);
    silence = setTimeout(drop, HEARTBEAT_SECONDS * SILENCE_HEARTBEATS * 1000);
    if (heard) o.heard?.();
  };

  function open() {
    if (disposed) return;
    // A reopening stream keeps showing "dropped" (and since when) until it is open again.
    if (!qc.getQueryData(o.connectionKey)) setStatus("connecting");
    const source = new EventSource(o.url);
    es = source;
    alive(false);
    source.onopen = () => {
      attempt = 0;
      setStatus("open");
      alive();
    };
    source.onerror = () => {
      if (source.readyState === EventSource.CLOSED) drop();
      else setStatus("dropped");
    };
    source.addEventListener("ping", () => alive());
    for (const [event, apply] of Object.entries(o.events)) {
      source.addEventListener(event, (e) => {
        alive();
        apply(String((e as MessageEvent).data));
      });
    }
  }

  open();
  return () => {
    disposed = true;
    clearTimeout(silence);
    clearTimeout(reopen);
    es?.close();
  };
}
