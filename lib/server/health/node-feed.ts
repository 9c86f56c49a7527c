import "server-only";
import type { NodeSummary } from "@/lib/api/nodes";
import { nodeRollup } from "@/lib/health/nodes";
import type { DcWatch } from "../watch/dc-watch";

interface Generation {
  gen: number;
  changed: NodeSummary[];
  removed: string[];
}

/**
 * The node rollup of one datacenter's watch, shared by every screen on it: recomputed
 * once per round whose inputs moved (not once per viewer), with the nodes that changed
 * since the previous generation, so every stream sends the same small delta.
 */
export class NodeFeed {
  private inputsVersion = -1;
  private entries = new Map<string, { node: NodeSummary; json: string }>();
  private last: Generation = { gen: 0, changed: [], removed: [] };

  constructor(private readonly watch: DcWatch) {}

  get generation(): number {
    return this.last.gen;
  }

  /** Brings the rollup up to the watch's inputs; returns the latest generation's changes. */
  refresh(): Generation {
    const inputs = this.watch.rawInputs();
    if (inputs.version === this.inputsVersion) return this.last;
    this.inputsVersion = inputs.version;
    const next = new Map<string, { node: NodeSummary; json: string }>();
    const changed: NodeSummary[] = [];
    for (const node of nodeRollup(inputs.nodes, inputs.instances, inputs.checks)) {
      const json = JSON.stringify(node);
      next.set(node.name, { node, json });
      if (this.entries.get(node.name)?.json !== json) changed.push(node);
    }
    const removed = [...this.entries.keys()].filter((n) => !next.has(n));
    this.entries = next;
    // An unchanged rollup keeps its generation: streams have nothing to send.
    if (changed.length || removed.length) this.last = { gen: this.last.gen + 1, changed, removed };
    return this.last;
  }

  nodes(): NodeSummary[] {
    this.refresh();
    return [...this.entries.values()].map((e) => e.node);
  }

  node(name: string): NodeSummary | undefined {
    this.refresh();
    return this.entries.get(name)?.node;
  }
}

const feeds = new WeakMap<DcWatch, NodeFeed>();

export function nodeFeed(watch: DcWatch): NodeFeed {
  let f = feeds.get(watch);
  if (!f) feeds.set(watch, (f = new NodeFeed(watch)));
  return f;
}
