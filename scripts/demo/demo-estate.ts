import { SeedApi } from "../consul/seed-api";
import { startDemoHttpServer, startFlappingTcpServer, type DemoHttpServer, type FlappingTcpServer } from "./demo-servers";
import { AGENT_SERVICES, catalogFlaps, type CatalogFlap, DEMO_NODES, demoInstances, estateCounts, FAILING_NODE, type EstateCounts } from "./estate";
import { startFlapper, type Flapper } from "./flapping";
import { seedKv } from "./kv-seed";
import { registerAgentServices, registerCatalog, type DemoTargets } from "./register";
import { describeSchedule, scaleSchedule } from "./schedule";

export interface DemoEstateOptions {
  /** Multiplies every schedule: tests use < 1 to see flaps sooner. */
  timeScale?: number;
  log?: (msg: string) => void;
}

export interface DemoEstate {
  counts: EstateCounts & { kvKeys: number };
  /** Human lines for the banner: what changes and when. */
  story: string[];
  /** Where the agent's real checks point (the in-process demo servers). */
  targets: DemoTargets;
  /** Stops the flapping timer and the demo servers (Consul's registrations stay). */
  stop(): Promise<void>;
}

/**
 * Registers the demo estate in the agent at `agentUrl`, seeds KV, and starts
 * what makes it move. Everything it starts is stopped by stop(), also when
 * start-up fails half way.
 */
export async function startDemoEstate(agentUrl: string, opts: DemoEstateOptions = {}): Promise<DemoEstate> {
  const log = opts.log ?? (() => undefined);
  const scale = opts.timeScale ?? 1;
  const t0 = Date.now();
  const elapsedMs = () => Date.now() - t0;
  const agentServices = AGENT_SERVICES.map((s) => (s.schedule ? { ...s, schedule: scaleSchedule(s.schedule, scale) } : s));
  const flaps = catalogFlaps().map((f) => ({ ...f, schedule: scaleSchedule(f.schedule, scale) }));
  const instances = demoInstances();
  const consul = new SeedApi(agentUrl);

  let http: DemoHttpServer | undefined;
  let tcp: FlappingTcpServer | undefined;
  let flapper: Flapper | undefined;
  let stopped: Promise<void> | undefined;
  const stop = () =>
    (stopped ??= (async () => {
      await flapper?.stop();
      await Promise.all([http?.close(), tcp?.close()]);
    })());

  try {
    await registerCatalog(consul, DEMO_NODES, instances);
    http = await startDemoHttpServer(
      agentServices.filter((s) => s.check === "http").map((s) => ({ id: s.id, schedule: s.schedule, failStatus: s.failStatus })),
      elapsedMs,
    );
    tcp = await startFlappingTcpServer();
    const targets: DemoTargets = { httpBase: http.baseUrl, tcpAddress: tcp.address };
    await registerAgentServices(consul, agentServices, targets);
    const kvKeys = await seedKv(consul);
    const tcpSpec = agentServices.find((s) => s.check === "tcp" && s.schedule);
    flapper = startFlapper({
      consul,
      nodes: DEMO_NODES,
      instances,
      flaps,
      tcp: tcpSpec?.schedule ? { server: tcp, schedule: tcpSpec.schedule } : undefined,
      elapsedMs,
      log,
    });

    const story = [
      ...agentServices.flatMap((s) => {
        if (s.maintenance) return [`${s.id} (${s.service}) is in maintenance: "${s.maintenance}"`];
        if (!s.schedule) return [];
        const how = s.check === "tcp" ? "stops listening (TCP check critical)" : `answers ${s.failStatus ?? 500} (HTTP check ${s.failStatus === 429 ? "warning" : "critical"})`;
        return [`${s.id} (${s.service}): real ${s.check.toUpperCase()} check; its demo server ${how}, ${describeSchedule(s.schedule)}`];
      }),
      catalogStory(flaps),
      `node ${FAILING_NODE} has a critical "Disk space" node check: every instance on it is unhealthy (recommendations, whose only instance is there, is DOWN)`,
      `notifications-2 stays in warning (queue lag); static-assets has no checks at all (healthy)`,
    ];
    return { counts: { ...estateCounts(), kvKeys }, story, targets, stop };
  } catch (err) {
    await stop();
    throw err;
  }
}

function catalogStory(flaps: CatalogFlap[]): string {
  const first = flaps[0];
  if (!first) return "no catalog rotation";
  const every = Math.round(first.schedule.periodMs / flaps.length / 1000);
  const which = flaps.map((f) => `${f.checkId} → ${f.status}`).join(", ");
  return `catalog checks in rotation, one every ${every} s for ${Math.round(first.schedule.downMs / 1000)} s: ${which}`;
}
