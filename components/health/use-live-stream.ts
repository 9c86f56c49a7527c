"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { z } from "zod";
import {
  HEARTBEAT_SECONDS,
  SILENCE_HEARTBEATS,
  OverviewDeltaSchema,
  OverviewSnapshotSchema,
  ServiceEventSchema,
  WatchStateSchema,
} from "@/lib/api/live";
import { applyDelta, applyServiceEvent, applySnapshot } from "@/lib/health/live-merge";
import { apiUrl } from "@/components/data/call-api";
import { liveQueries, type ConnectionState } from "./queries";

type LiveScope = { kind: "overview" } | { kind: "service"; name: string };

function scopeKey(scope: LiveScope): string {
  return scope.kind === "overview" ? "overview" : `service:${scope.name}`;
}

/** Parses an event's JSON with our contract; a bad event is logged and skipped, never trusted. */
function parse<S extends z.ZodType>(schema: S, e: MessageEvent): z.output<S> | undefined {
  try {
    const r = schema.safeParse(JSON.parse(String(e.data)));
    if (r.success) return r.data;
    console.error("Live event does not match its contract", r.error.issues[0]);
  } catch (err) {
    console.error("Live event is not JSON", err);
  }
  return undefined;
}

function setConnection(qc: QueryClient, dc: string | undefined, scope: LiveScope, status: ConnectionState["status"]) {
  qc.setQueryData(liveQueries.connection(dc, scopeKey(scope)).queryKey, (prev) =>
    prev?.status === status ? prev : { status, since: new Date().toISOString() },
  );
}

/**
 * Opens the server's event stream for a datacenter and writes every event into the
 * React Query cache, so components just `useQuery`. Silence longer than SILENCE_HEARTBEATS heartbeats,
 * or a closed stream, marks the connection dropped; it reconnects with back-off, forever.
 */
export function useLiveStream(dc: string | undefined, scope: LiveScope): void {
  const qc = useQueryClient();
  const name = scope.kind === "service" ? scope.name : undefined;

  useEffect(() => {
    const sc: LiveScope = name === undefined ? { kind: "overview" } : { kind: "service", name };
    const url = apiUrl("/api/events", { dc: dc || undefined, service: name });

    let es: EventSource | undefined;
    let silence: ReturnType<typeof setTimeout> | undefined;
    let reopen: ReturnType<typeof setTimeout> | undefined;
    let attempt = 0;
    let disposed = false;

    const drop = () => {
      setConnection(qc, dc, sc, "dropped");
      es?.close();
      clearTimeout(silence);
      clearTimeout(reopen);
      attempt++;
      const delay = Math.min(10_000, 500 * attempt * attempt) * (0.5 + Math.random() / 2);
      reopen = setTimeout(open, delay);
    };
    const alive = (heard = true) => {
      clearTimeout(silence);
      silence = setTimeout(drop, HEARTBEAT_SECONDS * SILENCE_HEARTBEATS * 1000);
      if (heard) qc.setQueryData(liveQueries.heard(dc, scopeKey(sc)).queryKey, Date.now());
    };

    function open() {
      if (disposed) return;
      if (!qc.getQueryData(liveQueries.connection(dc, scopeKey(sc)).queryKey)) setConnection(qc, dc, sc, "connecting");
      const source = new EventSource(url);
      es = source;
      alive(false);
      source.onopen = () => {
        attempt = 0;
        setConnection(qc, dc, sc, "open");
        alive();
      };
      // The browser's own retry covers short blips; a closed stream (e.g. HTTP error) is ours to reopen.
      source.onerror = () => {
        if (source.readyState === EventSource.CLOSED) drop();
        else setConnection(qc, dc, sc, "dropped");
      };
      source.addEventListener("ping", () => alive());
      source.addEventListener("state", (e) => {
        alive();
        const state = parse(WatchStateSchema, e);
        if (state) qc.setQueryData(liveQueries.watchState(dc).queryKey, state);
      });
      source.addEventListener("snapshot", (e) => {
        alive();
        const snap = parse(OverviewSnapshotSchema, e);
        if (!snap) return;
        qc.setQueryData(liveQueries.watchState(dc).queryKey, snap.state);
        qc.setQueryData(liveQueries.overview(dc).queryKey, (prev) => applySnapshot(prev, snap));
      });
      source.addEventListener("delta", (e) => {
        alive();
        const delta = parse(OverviewDeltaSchema, e);
        if (!delta) return;
        qc.setQueryData(liveQueries.overview(dc).queryKey, (prev) => applyDelta(prev, delta));
      });
      source.addEventListener("service", (e) => {
        alive();
        const ev = parse(ServiceEventSchema, e);
        if (!ev || name === undefined) return;
        qc.setQueryData(liveQueries.service(dc, name).queryKey, (prev) => applyServiceEvent(prev, ev));
      });
    }

    open();
    return () => {
      disposed = true;
      clearTimeout(silence);
      clearTimeout(reopen);
      es?.close();
    };
  }, [qc, dc, name]);
}
