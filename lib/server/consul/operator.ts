import "server-only";
import { z } from "zod";
import type { ConsulClient, ReadOptions } from "./client";
import { consulPath } from "./paths";

/** GET /v1/operator/autopilot/health (needs operator:read). */
const ConsulAutopilotHealth = z.object({
  Healthy: z.boolean(),
  FailureTolerance: z.number().int(),
  Servers: z
    .array(
      z.object({
        ID: z.string(),
        Name: z.string(),
        Address: z.string(),
        SerfStatus: z.string().nullish(),
        Version: z.string().nullish(),
        Leader: z.boolean(),
        LastContact: z.string().nullish(),
        Healthy: z.boolean(),
        Voter: z.boolean().nullish(),
      }),
    )
    .nullish()
    .transform((v) => v ?? []),
});

/** GET /v1/operator/raft/configuration (needs operator:read). */
const ConsulRaftConfiguration = z.object({
  Servers: z
    .array(z.object({ ID: z.string(), Node: z.string(), Address: z.string(), Leader: z.boolean(), Voter: z.boolean() }))
    .nullish()
    .transform((v) => v ?? []),
});

export interface RaftServer {
  id: string;
  name: string;
  address: string;
  leader: boolean;
  voter: boolean;
  /** From autopilot: healthy, serf status, last contact with the leader, version. */
  healthy: boolean | null;
  serfStatus: string | null;
  lastContact: string | null;
  version: string | null;
}

export interface ClusterReading {
  healthy: boolean;
  failureTolerance: number;
  servers: RaftServer[];
}

/** Consul's own health in a datacenter: the raft servers, which leads, and autopilot's verdict. */
export async function readClusterHealth(client: ConsulClient, opts: Pick<ReadOptions, "dc" | "signal" | "timeoutMs"> = {}): Promise<ClusterReading> {
  const read = { ...opts, stale: true };
  const [raft, auto] = await Promise.all([
    client.getJson(consulPath("operator", "raft", "configuration"), ConsulRaftConfiguration, read),
    client.getJson(consulPath("operator", "autopilot", "health"), ConsulAutopilotHealth, read),
  ]);
  const byId = new Map(auto.data.Servers.map((s) => [s.ID, s]));
  return {
    healthy: auto.data.Healthy,
    failureTolerance: auto.data.FailureTolerance,
    servers: raft.data.Servers.map((s) => {
      const a = byId.get(s.ID);
      return {
        id: s.ID,
        name: s.Node,
        address: s.Address,
        leader: s.Leader,
        voter: s.Voter,
        healthy: a?.Healthy ?? null,
        serfStatus: a?.SerfStatus ?? null,
        lastContact: a?.LastContact ?? null,
        version: a?.Version ?? null,
      };
    }),
  };
}
