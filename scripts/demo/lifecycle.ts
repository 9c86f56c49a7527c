/**
 * What the demo started, stopped in reverse order exactly once. A part that
 * finishes starting after shutdown began is stopped at once, so a Ctrl-C
 * during start-up leaves nothing behind.
 */
export class Lifecycle {
  private readonly parts: { name: string; stop: () => Promise<void> }[] = [];
  private shutdownPromise: Promise<void> | undefined;

  get stopping(): boolean {
    return this.shutdownPromise !== undefined;
  }

  async add(name: string, stop: () => Promise<void>): Promise<void> {
    if (this.stopping) {
      await stop();
      return;
    }
    this.parts.push({ name, stop });
  }

  shutdown(log: (msg: string) => void = () => undefined): Promise<void> {
    this.shutdownPromise ??= (async () => {
      for (const part of this.parts.reverse()) {
        try {
          await part.stop();
          log(`stopped ${part.name}`);
        } catch (err) {
          log(`could not stop ${part.name}: ${String(err)}`);
        }
      }
    })();
    return this.shutdownPromise;
  }
}
