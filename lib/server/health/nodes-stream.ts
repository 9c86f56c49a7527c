import "server-only";
import type { NodesDelta, NodesSnapshot } from "@/lib/api/nodes";
import type { WatchLease } from "../watch/registry";
import { nodeFeed, type NodeFeed } from "./node-feed";
import { sseBody, sseFrame } from "./sse";

/** The snapshot frame at one generation and watch version, shared by every screen that connects meanwhile (5,000 nodes are a large frame). */
const snapshotFrames = new WeakMap<NodeFeed, { key: string; frame: Uint8Array }>();

/**
 * The `nodes` scope of /api/events: every node of a datacenter once (`nodes`), then only
 * the nodes that changed (`nodes-delta`) and the watch's state (`state`). Derived from the
 * shared watch: a screen costs Consul nothing.
 */
export function nodesStream(lease: WatchLease, abort: AbortSignal): ReadableStream<Uint8Array> {
  const { watch } = lease;
  const feed = nodeFeed(watch);
  return sseBody(abort, (sink) => {
    let sentGen = -1;
    const snapshot = () => {
      feed.refresh();
      const key = `${feed.generation}:${watch.version}`;
      let hit = snapshotFrames.get(feed);
      if (hit?.key !== key) {
        const body: NodesSnapshot = { dc: watch.dc ?? null, state: watch.state, nodes: feed.nodes() };
        hit = { key, frame: sseFrame("nodes", body) };
        snapshotFrames.set(feed, hit);
      }
      sentGen = feed.generation;
      sink.send(hit.frame);
    };
    const onRound = () => {
      if (sentGen < 0) return snapshot();
      const g = feed.refresh();
      if (g.gen === sentGen) return;
      if (g.gen !== sentGen + 1) return snapshot();
      sentGen = g.gen;
      const delta: NodesDelta = { changed: g.changed, removed: g.removed };
      sink.send(sseFrame("nodes-delta", delta));
    };
    sink.send(sseFrame("state", watch.state));
    if (watch.ready) snapshot();
    const offRound = watch.onRound(onRound);
    const offState = watch.subscribe((e) => {
      if (e.type === "state") sink.send(sseFrame("state", e.state));
    });
    return () => {
      offRound();
      offState();
      lease.release();
    };
  });
}
