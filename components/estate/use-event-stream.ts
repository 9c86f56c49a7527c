"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useRef } from "react";
import type { z } from "zod";
import { keepStreamOpen, parseEvent } from "@/components/data/event-stream";
import { estateQueries } from "./queries";

type Handlers = Record<string, { schema: z.ZodType; apply: (data: unknown) => void }>;

/** A typed handler for one SSE event name. */
export function on<S extends z.ZodType>(schema: S, apply: (data: z.output<S>) => void): Handlers[string] {
  return { schema, apply: (d) => apply(d as z.output<S>) };
}

/**
 * Opens one of our event streams and hands each event, validated against its contract, to its
 * handler; the connection's state goes to `estateQueries.connection(name)`. It reopens as the
 * live stream does (components/data/event-stream.ts).
 */
export function useEventStream(name: string, url: string, handlers: Handlers): void {
  const qc = useQueryClient();
  const ref = useRef(handlers);
  useEffect(() => {
    ref.current = handlers;
  });

  useEffect(() => {
    const events = Object.fromEntries(
      Object.keys(ref.current).map((event) => [
        event,
        (data: string) => {
          const h = ref.current[event];
          if (!h) return;
          const value = parseEvent(h.schema, event, data);
          if (value !== undefined) h.apply(value);
        },
      ]),
    );
    return keepStreamOpen(qc, { url, connectionKey: estateQueries.connection(name).queryKey, events });
  }, [qc, name, url]);
}
