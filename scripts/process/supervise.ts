import type { ChildProcess } from "node:child_process";

export interface Supervised {
  /** The exit code once the process has exited (null when killed by a signal); undefined while it runs. */
  exitCode(): number | null | undefined;
  /** Sends `signal`, then SIGKILL after `graceMs`, and resolves once the process has exited. */
  stop(signal: NodeJS.Signals, graceMs: number): Promise<void>;
}

/** Tracks a child's exit and every line it prints (stdout and stderr). */
export function supervise(child: ChildProcess, onLine: (line: string) => void): Supervised {
  const onData = (buf: Buffer) => {
    for (const line of buf.toString("utf8").split("\n")) if (line) onLine(line);
  };
  child.stdout?.on("data", onData);
  child.stderr?.on("data", onData);
  let code: number | null | undefined;
  const exited = new Promise<void>((resolve) =>
    child.once("exit", (c) => {
      code = c;
      resolve();
    }),
  );
  return {
    exitCode: () => code,
    async stop(signal, graceMs) {
      if (code !== undefined) return;
      child.kill(signal);
      const timer = setTimeout(() => child.kill("SIGKILL"), graceMs);
      await exited;
      clearTimeout(timer);
    },
  };
}
