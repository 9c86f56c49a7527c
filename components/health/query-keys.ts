/** The one place React Query keys are made: the live stream writes, components read. */
export const liveKeys = {
  all: ["live"] as const,
  overview: (dc: string | undefined) => ["live", dc ?? "", "overview"] as const,
  service: (dc: string | undefined, name: string) => ["live", dc ?? "", "service", name] as const,
  watchState: (dc: string | undefined) => ["live", dc ?? "", "watch-state"] as const,
  connection: (dc: string | undefined, scope: string) => ["live", dc ?? "", "connection", scope] as const,
  /** When the stream last said anything (event or heartbeat), ms since the epoch. */
  heard: (dc: string | undefined, scope: string) => ["live", dc ?? "", "heard", scope] as const,
  datacenters: () => ["datacenters"] as const,
};
