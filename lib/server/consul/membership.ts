import "server-only";
import { nextBlockingIndex } from "@/lib/consul/blocking-index";
import { Interner } from "@/lib/health/interner";
import type { NodeAddress } from "@/lib/health/nodes";
import type { ServiceInstance } from "@/lib/health/types";
import type { ConsulClient } from "./client";
import { ConsulError, isConsulError } from "./errors";
import { instancesFromUiNodes, readPublicHealth } from "./health";
import { log } from "../log";
import { consulPath } from "./paths";
import { ConsulCatalogServices, ConsulNodes, ConsulUiNodeServices } from "./schemas";

const UI_NODES = consulPath("internal", "ui", "nodes");

/**
 * The instance list of a large catalog can take Consul seconds to build: these reads get a
 * longer deadline. A silent Consul still shows quickly: the watch's first round reads the
 * non-passing checks alongside, with the short deadline.
 */
const MEMBERSHIP_DEADLINES = { timeoutMs: 30_000, firstByteMs: 30_000, probe: true };

export interface SliceOptions {
  /** Nodes per /v1/internal/ui/nodes request, at least. */
  nodesPerSlice: number;
  /** Most requests per read: bigger catalogs get bigger slices instead. */
  maxSlices: number;
  /** Slices in flight at once. */
  concurrency: number;
}

/**
 * 100 nodes at 50 instances each is about 7 MB of JSON from a dev agent: small enough
 * that the body, its parse tree and the instances never weigh much at once. Consul
 * builds the whole node dump before filtering it (a one-node filter takes as long as
 * 60 ms at 50,000 instances), so each slice costs it a full dump: the slice count is
 * capped to keep a big catalog's read from costing Consul hundreds of dumps. Two slices in
 * flight keep Consul's encoding and our parsing overlapped; each one more in flight adds
 * its body and parse tree to the server's peak memory.
 */
export const DEFAULT_SLICES: SliceOptions = { nodesPerSlice: 100, maxSlices: 16, concurrency: 2 };

/** Nodes per slice for a catalog of `nodes` nodes. */
export function sliceSize(nodes: number, opts: Pick<SliceOptions, "nodesPerSlice" | "maxSlices">): number {
  return Math.max(opts.nodesPerSlice, Math.ceil(nodes / opts.maxSlices), 1);
}

/**
 * A string literal for Consul's filter language (go-bexpr). Its grammar ends a string at
 * the first `"` even when escaped (Consul 1.22 answers `Node == "a\"b"` with "invalid
 * syntax"), but unquotes it like Go, so a quote goes in as \u0022; JSON's escapes for
 * backslashes and control characters are valid Go escapes.
 */
export function filterString(s: string): string {
  return `"${JSON.stringify(s).slice(1, -1).replace(/\\"/g, "\\u0022")}"`;
}

/** A filter that keeps only the named nodes. */
export function nodeFilter(nodes: readonly string[]): string {
  return nodes.map((n) => `Node == ${filterString(n)}`).join(" or ");
}

export function chunk<T>(xs: readonly T[], size: number): T[][] {
  if (!Number.isInteger(size) || size < 1) throw new Error(`slice size must be a positive integer, got ${size}`);
  const out: T[][] = [];
  for (let i = 0; i < xs.length; i += size) out.push(xs.slice(i, i + size));
  return out;
}

/**
 * Every service instance of a datacenter, read from /v1/internal/ui/nodes one slice of
 * nodes at a time (`?filter=Node == … or …`) instead of one body of the whole catalog
 * (70 MB at 50,000 instances): peak memory is bounded by a slice, and the slices' reads
 * overlap Consul's encoding with our parsing.
 *
 * `index` is the X-Consul-Index of /v1/catalog/services read before the node list and
 * the slices: every registration or removal the slices may have missed came later, so
 * it moves /v1/catalog/services past `index` and the caller's watch reads again. (Read in
 * parallel with the node list, a node registered between the two would be in neither.)
 * Throws a parse error when Consul ignores the filter (a node outside the slice comes
 * back), so the caller falls back as it does for any unusable answer.
 */
export async function readInstancesInSlices(
  client: ConsulClient,
  opts: { dc: string | undefined; signal: AbortSignal },
  slices: SliceOptions = DEFAULT_SLICES,
): Promise<Membership> {
  const read = { dc: opts.dc, stale: true, signal: opts.signal, ...MEMBERSHIP_DEADLINES };
  const services = await client.getJson(consulPath("catalog", "services"), ConsulCatalogServices, read);
  const nodes = await client.getJson(consulPath("catalog", "nodes"), ConsulNodes, read);
  const index = nextBlockingIndex("0", services.meta.index);
  const queue = chunk(
    nodes.data.map((n) => n.Node),
    sliceSize(nodes.data.length, slices),
  );
  const parts: ServiceInstance[][] = new Array<ServiceInstance[]>(queue.length);
  let filteredByAcls = services.meta.filteredByAcls || nodes.meta.filteredByAcls;
  // One for the whole read: a service's instances sit on nodes of different slices.
  const intern = new Interner();
  let next = 0;
  const worker = async () => {
    for (let i = next++; i < queue.length; i = next++) {
      const names = queue[i] ?? [];
      const r = await client.getJson(UI_NODES, ConsulUiNodeServices, { ...read, query: { filter: nodeFilter(names) } });
      const wanted = new Set(names);
      const stray = r.data.find((n) => !wanted.has(n.Node));
      if (stray) {
        throw new ConsulError("parse", `Consul ignored the node filter of ${UI_NODES} (node ${stray.Node} came back)`, undefined, UI_NODES);
      }
      parts[i] = instancesFromUiNodes(r.data, intern);
      if (r.meta.filteredByAcls) filteredByAcls = true;
    }
  };
  await Promise.all(Array.from({ length: Math.min(slices.concurrency, queue.length) }, worker));
  return { instances: parts.flat(), nodes: nodes.data.map(toNodeAddress), index, filteredByAcls };
}

/** What a membership read gives: instances, every node with its address (nodes without services too). */
export interface Membership {
  instances: ServiceInstance[];
  nodes: NodeAddress[];
  index: string;
  /** Consul left out items the token may not see (X-Consul-Results-Filtered-By-ACLs). */
  filteredByAcls: boolean;
}

function toNodeAddress(n: { Node: string; Address: string }): NodeAddress {
  return { name: n.Node, address: n.Address };
}

export interface MembershipReader {
  /** The instance list, and an index at which the catalog is known to be at least that fresh. */
  read(signal: AbortSignal): Promise<Membership>;
  /** Which endpoint the last read used: Consul UI's internal one, or the public fallback. */
  readonly source: "ui-nodes" | "public";
}

/**
 * Reads a datacenter's instance list (no checks): /v1/internal/ui/nodes in slices of
 * nodes; whole when this Consul's ui/nodes takes no filter; the public per-service
 * reads when that undocumented endpoint is missing or changed shape. Each fallback,
 * once taken, is kept for the reader's life.
 */
export function membershipReader(client: ConsulClient, dc: string | undefined, slices: SliceOptions = DEFAULT_SLICES): MembershipReader {
  let mode: "ui-nodes" | "public" = "ui-nodes";
  let sliced = true;
  return {
    get source() {
      return mode;
    },
    async read(signal) {
      if (mode === "ui-nodes" && sliced) {
        try {
          return await readInstancesInSlices(client, { dc, signal }, slices);
        } catch (err) {
          // 400: a Consul whose ui/nodes takes no filter; parse: one that ignored it.
          if (!(isConsulError(err) && (err.kind === "parse" || (err.kind === "http" && (err.status === 400 || err.status === 404))))) throw err;
          log.warn({ problem: err.message }, `Reading ${UI_NODES} in slices failed; reading it whole instead`);
          sliced = false;
        }
      }
      if (mode === "ui-nodes") {
        try {
          const r = await client.getJson(UI_NODES, ConsulUiNodeServices, { dc, stale: true, signal, ...MEMBERSHIP_DEADLINES });
          // Its index is the highest of the whole catalog, so any later registration moves catalog/services past it.
          return {
            instances: instancesFromUiNodes(r.data, new Interner()),
            nodes: r.data.map(toNodeAddress),
            index: nextBlockingIndex("0", r.meta.index),
            filteredByAcls: r.meta.filteredByAcls,
          };
        } catch (err) {
          if (!(isConsulError(err) && (err.kind === "parse" || (err.kind === "http" && err.status === 404)))) throw err;
          log.warn({ problem: err.message }, `Consul's ${UI_NODES} is unusable; watching public endpoints instead`);
          mode = "public";
        }
      }
      const read = { dc, stale: true, signal, ...MEMBERSHIP_DEADLINES };
      const [r, nodes] = await Promise.all([readPublicHealth(client, read), client.getJson(consulPath("catalog", "nodes"), ConsulNodes, read)]);
      return {
        instances: r.data.instances,
        nodes: nodes.data.map(toNodeAddress),
        index: nextBlockingIndex("0", r.meta.index),
        filteredByAcls: r.meta.filteredByAcls || nodes.meta.filteredByAcls,
      };
    },
  };
}
