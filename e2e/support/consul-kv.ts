import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ensureConsulBinary } from "../../scripts/consul/binary";

/** Test-side KV access to a real agent, bypassing the dashboard, plus the real `consul` CLI. */
export class ConsulKv {
  constructor(
    readonly url: string,
    private readonly token?: string,
  ) {}

  private headers(): Record<string, string> {
    return this.token ? { "x-consul-token": this.token } : {};
  }

  private path(key: string): string {
    return `${this.url}/v1/kv/${key.split("/").map(encodeURIComponent).join("/")}`;
  }

  async put(key: string, value: string | Uint8Array, query = ""): Promise<void> {
    const res = await fetch(`${this.path(key)}${query}`, { method: "PUT", headers: this.headers(), body: typeof value === "string" ? value : Buffer.from(value) });
    const text = await res.text();
    if (!res.ok || text.trim() !== "true") throw new Error(`PUT ${key} → ${res.status} ${text}`);
  }

  /** The exact bytes stored, or null when the key is absent (through /v1/txn, so any key works). */
  async raw(key: string): Promise<Buffer | null> {
    const e = await this.entry(key);
    return e ? Buffer.from(e.Value ?? "", "base64") : null;
  }

  async entry(key: string): Promise<{ Key: string; Value: string | null; ModifyIndex: number; Flags: number; Session?: string } | null> {
    const res = await this.txn([{ KV: { Verb: "get", Key: key } }]);
    if (res.status === 409) return null;
    const body = (await res.json()) as { Results: { KV: { Key: string; Value: string | null; ModifyIndex: number; Flags: number } }[] };
    return body.Results[0]?.KV ?? null;
  }

  async text(key: string): Promise<string | null> {
    return (await this.raw(key))?.toString("utf8") ?? null;
  }

  async txn(ops: unknown[]): Promise<Response> {
    const res = await fetch(`${this.url}/v1/txn`, { method: "PUT", headers: this.headers(), body: JSON.stringify(ops) });
    if (!res.ok && res.status !== 409) throw new Error(`txn → ${res.status} ${await res.text()}`);
    return res;
  }

  /** Writes many keys fast, 128 per transaction. */
  async putMany(entries: { key: string; value: string }[]): Promise<void> {
    for (let i = 0; i < entries.length; i += 128) {
      const ops = entries.slice(i, i + 128).map((e) => ({ KV: { Verb: "set", Key: e.key, Value: Buffer.from(e.value).toString("base64") } }));
      const res = await this.txn(ops);
      if (!res.ok) throw new Error(`txn set → ${res.status} ${await res.text()}`);
    }
  }

  async keys(prefix: string): Promise<string[]> {
    const res = await fetch(`${this.path(prefix)}?keys`, { headers: this.headers() });
    return res.status === 404 ? [] : ((await res.json()) as string[]);
  }

  /** Runs the real `consul` CLI against this agent. */
  async cli(args: string[], input?: string): Promise<string> {
    const bin = ensureConsulBinary();
    const env = { ...process.env, CONSUL_HTTP_ADDR: this.url, ...(this.token ? { CONSUL_HTTP_TOKEN: this.token } : {}) };
    if (input === undefined) {
      const { stdout } = await promisify(execFile)(bin, args, { env, maxBuffer: 64 * 1024 * 1024 });
      return stdout;
    }
    return await new Promise((resolve, reject) => {
      const child = execFile(bin, args, { env }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
      child.stdin?.end(input);
    });
  }
}
