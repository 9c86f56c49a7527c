import "server-only";

/**
 * Next.js bundles server modules once per route, so an error thrown by a shared object
 * (the watch registry and the Consul client live on globalThis) may be an instance of
 * another copy of its class. This makes `x instanceof cls` recognise such instances by
 * a global brand (`Symbol.for`) the class's instances carry; subclasses keep the
 * ordinary check.
 */
export function recogniseAcrossBundles(cls: abstract new (...args: never[]) => object, brand: symbol): void {
  Object.defineProperty(cls, Symbol.hasInstance, {
    value(this: unknown, value: unknown): boolean {
      if (this !== cls) return Function.prototype[Symbol.hasInstance].call(this, value);
      return typeof value === "object" && value !== null && (value as Record<symbol, unknown>)[brand] === true;
    },
  });
}
