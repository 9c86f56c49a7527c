import { describe, expect, it } from "vitest";
import { filterItems, keyPrefixes, type PaletteItem } from "./palette-items";

describe("palette items", () => {
  it("derives every folder of the keys", () => {
    expect(keyPrefixes(["config/a/x", "config/b", "top", "features/flags"])).toEqual(["config/", "config/a/", "features/"]);
  });
  it("filters by every word, prefix matches first, capped per group", () => {
    const items: PaletteItem[] = [
      { group: "Services", label: "web-frontend", href: "/services/web-frontend" },
      { group: "Services", label: "frontend-cache", href: "/services/frontend-cache" },
      { group: "Services", label: "payments", href: "/services/payments" },
      { group: "Key prefixes", label: "config/frontend/", href: "/kv/config/frontend/" },
    ];
    expect(filterItems(items, "front").map((i) => i.label)).toEqual(["frontend-cache", "web-frontend", "config/frontend/"]);
    expect(filterItems(items, "services pay").map((i) => i.label)).toEqual(["payments"]);
    expect(filterItems(items, "", 1).map((i) => i.label)).toEqual(["web-frontend", "config/frontend/"]);
  });
});
