import { SERVICE_STATUSES, type ServiceStatus } from "@/lib/api/overview";

/**
 * Wall options, all from the link so a TV is set up by its URL:
 * `?dc= &tag= &status= &q= &rotate=dc1,dc2 &every=30s &theme=light &sound=on`.
 * Reading is lenient (a bad value falls back to the default) but every fallback is
 * reported in `warnings`, shown small on the wall, so a typo in a link is visible.
 */
export interface WallParams {
  dc: string | undefined;
  tag: string | undefined;
  status: ServiceStatus | undefined;
  q: string;
  /** Datacenters to rotate through; empty when not rotating. */
  rotate: string[];
  everyMs: number;
  theme: "dark" | "light";
  sound: boolean;
  warnings: string[];
}

type ParamSource = { get(name: string): string | null };

const DEFAULT_ROTATE_MS = 30_000;
const MIN_ROTATE_MS = 5_000;

/** "30s", "2m", "1h" or a bare number of seconds → ms; undefined when unreadable. */
export function parseDuration(raw: string): number | undefined {
  const m = /^\s*(\d+(?:\.\d+)?)\s*(ms|s|m|h)?\s*$/i.exec(raw);
  if (!m) return undefined;
  const n = Number(m[1]);
  const unit = (m[2] ?? "s").toLowerCase();
  const factor = unit === "ms" ? 1 : unit === "s" ? 1_000 : unit === "m" ? 60_000 : 3_600_000;
  return n * factor;
}

export function parseWallParams(sp: ParamSource): WallParams {
  const warnings: string[] = [];
  const rawStatus = sp.get("status");
  const status = SERVICE_STATUSES.find((s) => s === rawStatus?.toUpperCase());
  if (rawStatus && !status) warnings.push(`status="${rawStatus}" ignored (use OK, DEGRADED or DOWN)`);

  const rotate = [...new Set((sp.get("rotate") ?? "").split(",").map((d) => d.trim()).filter(Boolean))];
  let everyMs = DEFAULT_ROTATE_MS;
  const rawEvery = sp.get("every");
  if (rawEvery) {
    const ms = parseDuration(rawEvery);
    if (ms === undefined) warnings.push(`every="${rawEvery}" ignored (use e.g. 30s or 2m)`);
    else if (ms < MIN_ROTATE_MS) {
      warnings.push(`every="${rawEvery}" is too fast; using 5s`);
      everyMs = MIN_ROTATE_MS;
    } else everyMs = ms;
  }

  const rawTheme = sp.get("theme");
  if (rawTheme && rawTheme !== "light" && rawTheme !== "dark") warnings.push(`theme="${rawTheme}" ignored (use light or dark)`);
  const rawSound = sp.get("sound");
  if (rawSound && !["on", "off"].includes(rawSound)) warnings.push(`sound="${rawSound}" ignored (use on or off)`);

  return {
    dc: sp.get("dc") || undefined,
    tag: sp.get("tag") || undefined,
    status,
    q: sp.get("q") ?? "",
    rotate,
    everyMs,
    theme: rawTheme === "light" ? "light" : "dark",
    sound: rawSound === "on",
    warnings,
  };
}

/** The datacenter on screen now: rotation wins over `dc`; undefined is the agent's own. */
export function currentDatacenter(p: Pick<WallParams, "dc" | "rotate" | "everyMs">, nowMs: number): string | undefined {
  if (p.rotate.length === 0) return p.dc;
  return p.rotate[Math.floor(nowMs / p.everyMs) % p.rotate.length];
}

/** Burn-in protection: the whole wall moves by a few px, one step every `stepMs`, in a slow loop. */
export function pixelShift(nowMs: number, stepMs = 3 * 60_000): { x: number; y: number } {
  const OFFSETS = [
    [0, 0],
    [3, 1],
    [5, 4],
    [2, 6],
    [-2, 5],
    [-4, 2],
    [-3, -2],
    [1, -4],
  ] as const;
  const step = Math.floor(nowMs / stepMs) % OFFSETS.length;
  const [x, y] = OFFSETS[step] ?? [0, 0];
  return { x, y };
}
