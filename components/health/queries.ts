import { queryOptions, skipToken } from "@tanstack/react-query";
import type { WatchState } from "@/lib/api/live";
import type { FirstScreen } from "@/lib/health/first-screen";
import type { OverviewData, ServiceData } from "@/lib/health/live-merge";

/** The browser's own connection to the dashboard server. */
export interface ConnectionState {
  status: "connecting" | "open" | "dropped";
  since: string;
}

// These queries never fetch: the live stream fills them (skipToken), and they never go stale by timer.
const live = { queryFn: skipToken, staleTime: Infinity, gcTime: Infinity, structuralSharing: false } as const;

/** The one place the live queries are made: the stream writes them (`setQueryData`), components read them. */
export const liveQueries = {
  overview: (dc: string | undefined) => queryOptions<OverviewData>({ queryKey: ["live", dc ?? "", "overview"], ...live }),
  /** The server's first screenful of the overview (in the page's HTML), until the stream's snapshot. */
  firstScreen: (dc: string | undefined) => queryOptions<FirstScreen>({ queryKey: ["live", dc ?? "", "first-screen"], ...live }),
  service: (dc: string | undefined, name: string) => queryOptions<ServiceData>({ queryKey: ["live", dc ?? "", "service", name], ...live }),
  watchState: (dc: string | undefined) => queryOptions<WatchState>({ queryKey: ["live", dc ?? "", "watch-state"], ...live }),
  connection: (dc: string | undefined, scope: string) =>
    queryOptions<ConnectionState>({ queryKey: ["live", dc ?? "", "connection", scope], ...live }),
  /** When the stream last said anything (event or heartbeat), ms since the epoch. */
  heard: (dc: string | undefined, scope: string) => queryOptions<number>({ queryKey: ["live", dc ?? "", "heard", scope], ...live }),
};
