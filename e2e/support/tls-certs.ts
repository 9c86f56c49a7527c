import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { ensureConsulBinary } from "../../scripts/consul/binary";

export interface TlsFiles {
  dir: string;
  ca: string;
  serverCert: string;
  serverKey: string;
  clientCert: string;
  clientKey: string;
  remove(): void;
}

/** A CA, a server and a client certificate made by the agent's own `consul tls` commands. */
export function makeTlsFiles(datacenter = "dc1"): TlsFiles {
  const bin = ensureConsulBinary();
  const dir = mkdtempSync(path.join(os.tmpdir(), "consul-tls-"));
  const run = (...args: string[]) => execFileSync(bin, args, { cwd: dir, stdio: "pipe" });
  run("tls", "ca", "create");
  run("tls", "cert", "create", "-server", `-dc=${datacenter}`);
  run("tls", "cert", "create", "-client", `-dc=${datacenter}`);
  const f = (name: string) => path.join(dir, name);
  return {
    dir,
    ca: f("consul-agent-ca.pem"),
    serverCert: f(`${datacenter}-server-consul-0.pem`),
    serverKey: f(`${datacenter}-server-consul-0-key.pem`),
    clientCert: f(`${datacenter}-client-consul-0.pem`),
    clientKey: f(`${datacenter}-client-consul-0-key.pem`),
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** Agent HCL serving HTTPS with these files and requiring client certificates (mutual TLS). */
export function httpsAgentHcl(t: TlsFiles): string {
  return `tls {
  defaults {
    ca_file = ${JSON.stringify(t.ca)}
    cert_file = ${JSON.stringify(t.serverCert)}
    key_file = ${JSON.stringify(t.serverKey)}
  }
  https {
    verify_incoming = true
  }
}
`;
}
