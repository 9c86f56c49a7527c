import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { ensureConsulBinary } from "../../scripts/consul/binary";

/** Runs the real `consul` CLI against the agent at `url`; resolves with its stdout. */
export async function consulCli(url: string, args: string[], input?: string): Promise<string> {
  const bin = ensureConsulBinary();
  const env = { ...process.env, CONSUL_HTTP_ADDR: url };
  if (input === undefined) {
    const { stdout } = await promisify(execFile)(bin, args, { env, maxBuffer: 64 * 1024 * 1024 });
    return stdout;
  }
  return await new Promise((resolve, reject) => {
    const child = execFile(bin, args, { env }, (err, stdout, stderr) => (err ? reject(new Error(`${err.message}\n${stderr}`)) : resolve(stdout)));
    child.stdin?.end(input);
  });
}
