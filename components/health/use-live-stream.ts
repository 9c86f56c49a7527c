"use client";

import { useQueryClient, type QueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import type { z } from "zod";
import {
  HEARTBEAT_SECONDS,
  OverviewDeltaSchema,
  OverviewSnapshotSchema,
  ServiceEventSchema,
  WatchStateSchema,
} from "@/lib/api/live";
import { mergeTransitions, type ConnectionState, type OverviewData, type ServiceData } from "./live-data";
import { liveKeys } from "./query-keys";

export type LiveScope = { kind: "overview" } | { kind: "service"; name: string };

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
  qc.setQueryData<ConnectionState>(liveKeys.connection(dc, scopeKey(scope)), (prev) =>
    prev?.status === status ? prev : { status, since: new Date().toISOString() },
  );
}

/**
 * Opens the server's event stream for a datacenter and writes every event into the
 * React Query cache, so components just `useQuery`. Silence longer than two heartbeats,
 * or a closed stream, marks the connection dropped; it reconnects with back-off, forever.
 */
export function useLiveStream(dc: string | undefined, scope: LiveScope): void {
  const qc = useQueryClient();
  const name = scope.kind === "service" ? scope.name : undefined;

  useEffect(() => {
    const sc: LiveScope = name === undefined ? { kind: "overview" } : { kind: "service", name };
    const params = new URLSearchParams();
    if (dc) params.set("dc", dc);
    if (name !== undefined) params.set("service", name);
    const url = `/api/events${params.size ? `?${params}` : ""}`;

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
      silence = setTimeout(drop, HEARTBEAT_SECONDS * 2_500);
      if (heard) qc.setQueryData(liveKeys.heard(dc, scopeKey(sc)), Date.now());
    };

    function open() {
      if (disposed) return;
      if (!qc.getQueryData(liveKeys.connection(dc, scopeKey(sc)))) setConnection(qc, dc, sc, "connecting");
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
        if (state) qc.setQueryData(liveKeys.watchState(dc), state);
      });
      source.addEventListener("snapshot", (e) => {
        alive();
        const snap = parse(OverviewSnapshotSchema, e);
        if (!snap) return;
        qc.setQueryData(liveKeys.watchState(dc), snap.state);
        qc.setQueryData<OverviewData>(liveKeys.overview(dc), (prev) => ({
          services: Object.fromEntries(snap.services.map((s) => [s.name, s])),
          transitions: mergeTransitions(prev?.transitions ?? [], snap.transitions),
        }));
      });
      source.addEventListener("delta", (e) => {
        alive();
        const delta = parse(OverviewDeltaSchema, e);
        if (!delta) return;
        qc.setQueryData<OverviewData>(liveKeys.overview(dc), (prev) => {
          if (!prev) return prev;
          const services = { ...prev.services };
          for (const s of delta.changed) services[s.name] = s;
          for (const n of delta.removed) delete services[n];
          return { services, transitions: mergeTransitions(prev.transitions, delta.transitions) };
        });
      });
      source.addEventListener("service", (e) => {
        alive();
        const ev = parse(ServiceEventSchema, e);
        if (!ev || name === undefined) return;
        qc.setQueryData<ServiceData>(liveKeys.service(dc, name), (prev) => ({
          service: ev.service,
          transitions: mergeTransitions(prev?.transitions ?? [], ev.transitions),
        }));
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
