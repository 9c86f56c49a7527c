/**
 * Shares equal strings and equal string lists among the instances of one read of the
 * catalog. JSON.parse gives every occurrence its own copy: at 100,000 instances, each
 * instance's service name and tag list was a separate string and array, though the
 * instances of a service usually carry the same ones. Scoped to one read, so names that
 * leave the catalog are not kept. Shared lists are frozen: nothing may change them in place.
 */
export class Interner {
  private readonly strings = new Map<string, string>();
  private readonly lists = new Map<string, string[]>();

  str(s: string): string {
    const seen = this.strings.get(s);
    if (seen !== undefined) return seen;
    this.strings.set(s, s);
    return s;
  }

  list(xs: string[]): string[] {
    if (xs.length === 0) return NO_STRINGS;
    // JSON, not a join: ["a,b"] and ["a", "b"] must not share a key.
    const key = JSON.stringify(xs);
    const seen = this.lists.get(key);
    if (seen) return seen;
    const shared = Object.freeze(xs.map((x) => this.str(x))) as string[];
    this.lists.set(key, shared);
    return shared;
  }
}

/** The one empty string list (frozen). */
export const NO_STRINGS = Object.freeze([]) as unknown as string[];

/** The one empty string map (frozen): most instances carry no metadata. */
export const NO_META = Object.freeze({}) as Record<string, string>;
