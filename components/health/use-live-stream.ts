"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { OverviewDeltaSchema, OverviewSnapshotSchema, ServiceEventSchema, WatchStateSchema } from "@/lib/api/live";
import { applyDelta, applyServiceEvent, applySnapshot } from "@/lib/health/live-merge";
import { apiUrl } from "@/components/data/call-api";
import { keepStreamOpen, parseEvent } from "@/components/data/event-stream";
import { liveQueries } from "./queries";

type LiveScope = { kind: "overview" } | { kind: "service"; name: string };

/**
 * Opens the server's event stream for a datacenter and writes every event into the React Query
 * cache, so components just `useQuery`. It reopens after silence or a close, forever
 * (components/data/event-stream.ts); when the server was last heard goes to `liveQueries.heard`.
 */
export function useLiveStream(dc: string | undefined, scope: LiveScope): void {
  const qc = useQueryClient();
  const name = scope.kind === "service" ? scope.name : undefined;

  useEffect(() => {
    const scopeKey = name === undefined ? "overview" : `service:${name}`;
    return keepStreamOpen(qc, {
      url: apiUrl("/api/events", { dc: dc || undefined, service: name }),
      connectionKey: liveQueries.connection(dc, scopeKey).queryKey,
      heard: () => qc.setQueryData(liveQueries.heard(dc, scopeKey).queryKey, Date.now()),
      events: {
        state: (data) => {
          const state = parseEvent(WatchStateSchema, "state", data);
          if (state) qc.setQueryData(liveQueries.watchState(dc).queryKey, state);
        },
        snapshot: (data) => {
          const snap = parseEvent(OverviewSnapshotSchema, "snapshot", data);
          if (!snap) return;
          qc.setQueryData(liveQueries.watchState(dc).queryKey, snap.state);
          qc.setQueryData(liveQueries.overview(dc).queryKey, (prev) => applySnapshot(prev, snap));
        },
        delta: (data) => {
          const delta = parseEvent(OverviewDeltaSchema, "delta", data);
          if (delta) qc.setQueryData(liveQueries.overview(dc).queryKey, (prev) => applyDelta(prev, delta));
        },
        service: (data) => {
          const ev = parseEvent(ServiceEventSchema, "service", data);
          if (ev && name !== undefined) qc.setQueryData(liveQueries.service(dc, name).queryKey, (prev) => applyServiceEvent(prev, ev));
        },
      },
    });
  }, [qc, dc, name]);
}
