"use client";

import { storageGet, storageSet } from "@/components/ui/safe-storage";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { useEffect } from "react";
import { versionQuery } from "./queries";

const POLL_MS = 5 * 60_000;
const RELOADED_FOR = "consul-wall-reloaded-for";

/**
 * Reloads the page when the dashboard serving it is a new build. Asked rarely, and at
 * once when the live stream comes back (a deploy restarts the server).
 */
export function useVersionReload(loadedBuildId: string, streamOpen: boolean): void {
  const qc = useQueryClient();
  const { data, refetch } = useQuery({
    ...versionQuery(),
    refetchInterval: POLL_MS,
    refetchOnWindowFocus: false,
    staleTime: 0,
    retry: false,
  });
  // Also asked when the tab becomes visible again (a TV woken from standby). An answer
  // already on its way may predate the deploy, so it is replaced, not awaited. (The
  // document's event bubbles to window, where this listens.)
  useEffect(() => {
    const onVisible = () => {
      if (document.visibilityState === "visible") void refetch({ cancelRefetch: true });
    };
    window.addEventListener("visibilitychange", onVisible);
    return () => window.removeEventListener("visibilitychange", onVisible);
  }, [refetch]);
  useEffect(() => {
    if (streamOpen) void qc.invalidateQueries({ queryKey: versionQuery().queryKey });
  }, [qc, streamOpen]);
  useEffect(() => {
    if (!data || data === loadedBuildId) return;
    // Once per new build: a cache serving the old page must not make the wall reload forever.
    if (storageGet("session", RELOADED_FOR) === data) return;
    storageSet("session", RELOADED_FOR, data);
    window.location.reload();
  }, [data, loadedBuildId]);
}
