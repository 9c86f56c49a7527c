"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { HEARTBEAT_SECONDS, SILENCE_HEARTBEATS } from "@/lib/api/live";
import type { ConnectionState } from "@/components/health/queries";
import { estateQueries } from "./queries";

type Handlers = Record<string, { schema: z.ZodType; apply: (data: unknown) => void }>;

/** A typed handler for one SSE event name. */
export function on<S extends z.ZodType>(schema: S, apply: (data: z.output<S>) => void): Handlers[string] {
  return { schema, apply: (d) => apply(d as z.output<S>) };
}

/**
 * Opens one of our event streams and hands each event, validated against its
 * contract, to its handler; the connection's state goes to `estateQueries.connection(name)`.
 * Silence longer than SILENCE_HEARTBEATS heartbeats or a closed stream counts as
 * dropped; it reopens with back-off, forever (as the live stream does).
 */
export function useEventStream(name: string, url: string, handlers: Handlers): void {
  const qc = useQueryClient();
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    const key = estateQueries.connection(name).queryKey;
    const setConn = (status: ConnectionState["status"]) =>
      qc.setQueryData(key, (prev) => (prev?.status === status ? prev : { status, since: new Date().toISOString() }));
    let es: EventSource | undefined;
    let silence: ReturnType<typeof setTimeout> | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let disposed = false;

    const drop = () => {
      setConn("dropped");
      es?.close();
      clearTimeout(silence);
      clearTimeout(reopen);
      attempt++;
      reopen = setTimeout(open, Math.min(10_000, 500 * attempt * attempt) * (0.5 + Math.random() / 2));
    };
    const alive = () => {
      clearTimeout(silence);
      silence = setTimeout(drop, HEARTBEAT_SECONDS * SILENCE_HEARTBEATS * 1000);
    };
    function open() {
      if (disposed) return;
      if (!qc.getQueryData(key)) setConn("connecting");
      const source = new EventSource(url);
      es = source;
      alive();
      source.onopen = () => {
        attempt = 0;
        setConn("open");
        alive();
      };
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) drop();
        else setConn("dropped");
      };
      source.addEventListener("ping", alive);
      for (const event of Object.keys(ref.current)) {
        source.addEventListener(event, (e) => {
          alive();
          const h = ref.current[event];
          if (!h) return;
          try {
            const r = h.schema.safeParse(JSON.parse(String((e as MessageEvent).data)));
            if (r.success) h.apply(r.data);
            else console.error(`Event ${event} does not match its contract`, r.error.issues[0]);
          } catch (err) {
            console.error(`Event ${event} is not JSON`, err);
          }
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
  }, [qc, name, url]);
}
