import { startAppServer } from "../app/app-server";
import { DEMO_WRITES_NOTE, demoDashboardEnv } from "./dashboard-env";
import { ensureConsulBinary, ROOT } from "../consul/binary";
import { startDevAgent } from "../consul/dev-agent";
import { freePort, isPortFree } from "../consul/ports";
import { runNextBuild, staleBuildReason } from "./build";
import { startDemoEstate, type DemoEstate } from "./demo-estate";
import { Lifecycle } from "./lifecycle";
import { parseDemoOptions, USAGE } from "./options";

/** `npm run demo`: a real Consul with a believable, moving estate, and the dashboard on it. */

const say = (msg: string) => console.log(`[demo] ${msg}`);

async function pickDashboardPort(asked: number | undefined): Promise<number> {
  if (asked !== undefined) {
    if (!(await isPortFree(asked))) throw new Error(`port ${asked} (from --port/PORT) is already in use on 127.0.0.1`);
    return asked;
  }
  return (await isPortFree(3000)) ? 3000 : freePort();
}

function banner(dashboardUrl: string, consulUrl: string, estate: DemoEstate, startedMs: number): string {
  const c = estate.counts;
  return [
    "",
    "  Consul Dashboard demo is running",
    "",
    `    Dashboard   ${dashboardUrl}`,
    `    Consul      ${consulUrl}   (its own UI at ${consulUrl}/ui)`,
    "",
    `    Access      ${DEMO_WRITES_NOTE}`,
    `    Estate      ${c.services} services, ${c.instances} instances on ${c.nodes} nodes; ${c.kvKeys} KV keys`,
    "    What changes:",
    ...estate.story.map((line) => `      - ${line}`),
    "",
    `    Ready in ${((Date.now() - startedMs) / 1000).toFixed(1)} s. Ctrl-C to stop (dashboard, demo servers and the Consul agent).`,
    "",
  ].join("\n");
}

async function main(): Promise<void> {
  const startedMs = Date.now();
  const life = new Lifecycle();
  let exitCode = 0;
  let startupSettled!: () => void;
  // Exit only once start-up has settled: a step still in flight (say, an agent
  // half started) is stopped by Lifecycle.add when it lands, not orphaned.
  const settled = new Promise<void>((resolve) => (startupSettled = resolve));
  const shutdown = (code: number) => {
    exitCode = Math.max(exitCode, code);
    void life
      .shutdown(say)
      .then(() => settled)
      .then(() => process.exit(exitCode));
  };
  const onSignal = () => {
    if (!life.stopping) say("stopping…");
    shutdown(0);
  };
  process.on("SIGINT", onSignal);
  process.on("SIGTERM", onSignal);

  try {
    const opts = parseDemoOptions(process.argv.slice(2), process.env);
    if (opts.help) {
      console.log(USAGE);
      return;
    }
    ensureConsulBinary(say);
    const stale = staleBuildReason(ROOT);
    if (stale) {
      say(`building the dashboard (${stale})…`);
      await runNextBuild(ROOT);
    }
    if (life.stopping) return;
    // Before the agent, so a taken --port/PORT fails in a second, not after start-up.
    const port = await pickDashboardPort(opts.port);

    const on8500 = await isPortFree(8500);
    const agent = await startDevAgent({ httpPort: on8500 ? 8500 : undefined, nodeName: "consul-demo" });
    await life.add("the Consul agent", () => agent.stop());
    if (life.stopping) return;
    if (!on8500) say(`port 8500 is taken: the Consul agent is on ${agent.httpPort} instead`);
    say(`Consul dev agent ready at ${agent.url}; registering the estate…`);

    const estate = await startDemoEstate(agent.url, { log: say });
    await life.add("the demo servers and flapping", () => estate.stop());
    if (life.stopping) return;

    const app = await startAppServer({ env: demoDashboardEnv(agent.url), port, echo: false });
    await life.add("the dashboard", () => app.stop());
    if (life.stopping) return;

    // A child that dies on its own ends the demo: a dashboard without its agent is no demo.
    for (const [name, child] of [["Consul agent", agent.process], ["dashboard", app.process]] as const) {
      child.once("exit", (code, signal) => {
        if (life.stopping) return;
        console.error(`[demo] the ${name} exited unexpectedly (${signal ?? `exit ${code}`})`);
        if (name === "dashboard") console.error(app.output().slice(-2000));
        shutdown(1);
      });
    }
    console.log(banner(app.url, agent.url, estate, startedMs));
  } catch (err) {
    // A Ctrl-C during start-up also fails the step in progress (e.g. `next build`): that is no error.
    if (life.stopping) return;
    console.error(`[demo] failed to start: ${err instanceof Error ? err.message : String(err)}`);
    shutdown(1);
  } finally {
    startupSettled();
  }
}

void main();
