import { execFileSync } from "node:child_process";
import { startAppServer, type AppServer } from "../scripts/app/app-server";
import { ensureConsulBinary } from "../scripts/consul/binary";
import { startDevAgent, type DevAgent } from "../scripts/consul/dev-agent";
import { test as base, expect } from "@playwright/test";
import { OverviewPage } from "./pages/overview-page";
import { httpsAgentHcl, makeTlsFiles, type TlsFiles } from "./support/tls-certs";

interface TlsWorld {
  tls: TlsFiles;
  agent: DevAgent;
}

// An agent that speaks only HTTPS and requires a client certificate (verify_incoming).
const test = base.extend<object, { world: TlsWorld }>({
  world: [
    async ({}, use) => {
      const tls = makeTlsFiles();
      const agent = await startDevAgent({ https: true, hcl: httpsAgentHcl(tls) });
      // Register through the real Consul CLI, which reads the same variables the dashboard honours.
      execFileSync(ensureConsulBinary(), ["services", "register", "-name=tls-web", "-port=443"], {
        env: {
          ...process.env,
          CONSUL_HTTP_ADDR: agent.url,
          CONSUL_CACERT: tls.ca,
          CONSUL_CLIENT_CERT: tls.clientCert,
          CONSUL_CLIENT_KEY: tls.clientKey,
        },
        stdio: "pipe",
      });
      await use({ tls, agent });
      await agent.stop();
      tls.remove();
    },
    { scope: "worker", timeout: 120_000 },
  ],
});

async function withApp(env: Record<string, string>, fn: (app: AppServer) => Promise<void>): Promise<void> {
  const app = await startAppServer({ env });
  try {
    await fn(app);
  } finally {
    await app.stop();
  }
}

test.describe("TLS to Consul", () => {
  test("mutual TLS with CONSUL_CACERT and a client certificate shows the agent's services", async ({ page, world }) => {
    const { tls, agent } = world;
    expect(agent.url).toMatch(/^https:/);
    await withApp(
      { CONSUL_HTTP_ADDR: agent.url, CONSUL_CACERT: tls.ca, CONSUL_CLIENT_CERT: tls.clientCert, CONSUL_CLIENT_KEY: tls.clientKey },
      async (app) => {
        const overview = new OverviewPage(page);
        await page.goto(app.url);
        await overview.expectService("tls-web", "1/1", "OK");
      },
    );
  });

  test("host:port with CONSUL_HTTP_SSL=true, CONSUL_CAPATH and CONSUL_TLS_SERVER_NAME", async ({ page, world }) => {
    const { tls, agent } = world;
    const hostPort = agent.url.replace(/^https:\/\//, "");
    const common = { CONSUL_HTTP_ADDR: hostPort, CONSUL_HTTP_SSL: "true", CONSUL_CAPATH: tls.dir, CONSUL_CLIENT_CERT: tls.clientCert, CONSUL_CLIENT_KEY: tls.clientKey };
    await withApp({ ...common, CONSUL_TLS_SERVER_NAME: "server.dc1.consul" }, async (app) => {
      await page.goto(app.url);
      await new OverviewPage(page).expectService("tls-web", "1/1", "OK");
    });
    // A server name the certificate does not carry must fail verification, visibly.
    await withApp({ ...common, CONSUL_TLS_SERVER_NAME: "wrong.example" }, async (app) => {
      await page.goto(app.url);
      await expect(new OverviewPage(page).error).toContainText(/wrong\.example|altnames|Hostname/i);
    });
  });

  test("an unknown CA is refused unless CONSUL_HTTP_SSL_VERIFY=false", async ({ page, world }) => {
    const { tls, agent } = world;
    const client = { CONSUL_CLIENT_CERT: tls.clientCert, CONSUL_CLIENT_KEY: tls.clientKey };
    await withApp({ CONSUL_HTTP_ADDR: agent.url, ...client }, async (app) => {
      await page.goto(app.url);
      await expect(new OverviewPage(page).error).toContainText(/certificate/i);
    });
    await withApp({ CONSUL_HTTP_ADDR: agent.url, CONSUL_HTTP_SSL_VERIFY: "false", ...client }, async (app) => {
      await page.goto(app.url);
      await new OverviewPage(page).expectService("tls-web", "1/1", "OK");
    });
  });

  test("without a client certificate the agent refuses the handshake and the page says so", async ({ page, world }) => {
    const { tls, agent } = world;
    await withApp({ CONSUL_HTTP_ADDR: agent.url, CONSUL_CACERT: tls.ca }, async (app) => {
      await page.goto(app.url);
      await expect(new OverviewPage(page).error).toContainText(/Consul at https:/);
    });
  });
});
