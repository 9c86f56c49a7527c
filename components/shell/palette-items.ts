/** One thing the palette can jump to. */
export interface PaletteItem {
  group: "Pages" | "Services" | "Key prefixes" | "Datacenters";
  label: string;
  href: string;
  hint?: string;
}

/** The folders ("a/", "a/b/") that hold the given keys, sorted, without duplicates. */
export function keyPrefixes(keys: readonly string[], limit = 5000): string[] {
  const out = new Set<string>();
  for (const k of keys) {
    let i = k.indexOf("/");
    while (i !== -1 && out.size < limit) {
      out.add(k.slice(0, i + 1));
      i = k.indexOf("/", i + 1);
    }
    if (out.size >= limit) break;
  }
  return [...out].sort();
}

/** Items whose label contains every word typed, best (prefix) matches first, at most `max` per group. */
export function filterItems(items: readonly PaletteItem[], query: string, max = 8): PaletteItem[] {
  const words = query.toLowerCase().split(/\s+/).filter(Boolean);
  const perGroup = new Map<string, PaletteItem[]>();
  for (const item of items) {
    const label = item.label.toLowerCase();
    if (!words.every((w) => label.includes(w) || item.group.toLowerCase().includes(w))) continue;
    const list = perGroup.get(item.group) ?? [];
    list.push(item);
    perGroup.set(item.group, list);
  }
  const first = words[0] ?? "";
  return [...perGroup.values()].flatMap((list) =>
    list
      .map((item, i) => ({ item, rank: item.label.toLowerCase().startsWith(first) ? 0 : 1, i }))
      .sort((a, b) => a.rank - b.rank || a.i - b.i)
      .slice(0, max)
      .map((r) => r.item),
  );
}
