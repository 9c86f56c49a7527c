import type { SeedApi } from "../consul/seed-api";

/**
 * A believable config tree for the KV browser: nested folders, JSON, YAML,
 * feature flags, binary bytes, a value near the size limit, and keys that need
 * encoding. Deterministic, so a demo looks the same every run.
 */

export interface KvEntry {
  key: string;
  value: Buffer;
  flags?: number;
}

/** Consul's default kv_max_value_size. */
export const KV_MAX_VALUE_BYTES = 512 * 1024;
/** Close to the limit without crossing it: 500 KiB. */
export const BIG_VALUE_BYTES = 500 * 1024;

const json = (v: unknown) => Buffer.from(`${JSON.stringify(v, null, 2)}\n`, "utf8");
const text = (s: string) => Buffer.from(s, "utf8");

// A real 1×1 PNG: starts with 0x89, so it is not valid UTF-8.
const PNG_1X1 = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==",
  "base64",
);

/** Bytes with a UTF-16 BOM-like 0xff 0xfe head and every byte value: must round-trip unchanged. */
function binaryBlob(): Buffer {
  const b = Buffer.alloc(256 + 2);
  b[0] = 0xff;
  b[1] = 0xfe;
  for (let i = 0; i < 256; i++) b[i + 2] = (i * 167 + 13) % 256;
  return b;
}

/** ~500 KiB of plausible text: an IP-range-to-region table a geo service would load. */
function bigRegionTable(bytes: number): Buffer {
  const regions = ["eu-west-1", "eu-central-1", "us-east-1", "us-west-2", "ap-northeast-1", "sa-east-1"];
  const lines: string[] = ["# cidr,region,asn (generated for the demo)"];
  let size = lines[0]!.length + 1;
  for (let i = 0; size < bytes; i++) {
    const line = `10.${(i >> 8) & 255}.${i & 255}.0/24,${regions[i % regions.length]},AS${64512 + (i % 1000)}`;
    lines.push(line);
    size += line.length + 1;
  }
  return Buffer.from(`${lines.join("\n")}\n`, "utf8").subarray(0, bytes);
}

export function demoKvEntries(): KvEntry[] {
  return [
    { key: "config/", value: Buffer.alloc(0) },
    { key: "config/payments/database.json", value: json({ host: "postgres.service.consul", port: 5432, database: "payments", pool: { min: 4, max: 32, idleTimeoutMs: 30000 }, sslmode: "verify-full" }) },
    { key: "config/payments/providers.json", value: json({ primary: "stripe", fallback: "adyen", timeoutsMs: { authorize: 4000, capture: 8000 }, currencies: ["EUR", "GBP", "USD"] }) },
    { key: "config/payments/max-retries", value: text("3") },
    { key: "config/checkout/app.json", value: json({ sessionTtlMinutes: 45, guestCheckout: true, addressLookup: { provider: "loqate", debounceMs: 250 } }) },
    { key: "config/cart/limits.json", value: json({ maxItems: 100, maxQuantityPerItem: 20, reserveStockMinutes: 15 }) },
    { key: "config/catalog/cache.json", value: json({ ttlSeconds: 300, warmOnStart: true, redis: { keyPrefix: "catalog:v6:" } }) },
    {
      key: "config/search/settings.yaml",
      value: text(
        [
          "# OpenSearch tuning for product search",
          "index: products-v8",
          "shards: 3",
          "replicas: 1",
          "analyzers:",
          "  - name: product_name",
          "    tokenizer: standard",
          "    filters: [lowercase, asciifolding, synonym_graph]",
          "boost:",
          "  title: 3.0",
          "  brand: 1.5",
          "  description: 0.5",
          "",
        ].join("\n"),
      ),
    },
    { key: "config/api-gateway/routes.json", value: json([{ path: "/api/cart/*", service: "cart" }, { path: "/api/checkout/*", service: "checkout" }, { path: "/api/search", service: "search", rateLimit: 200 }]) },
    { key: "config/api-gateway/rate-limits/default", value: text("100/s") },
    { key: "config/api-gateway/rate-limits/partners/acme", value: text("1000/s") },
    { key: "config/web-frontend/env", value: text("NODE_ENV=production\nCDN_URL=https://cdn.example.com\nSENTRY_SAMPLE_RATE=0.1\n") },
    { key: "config/notifications/templates/order-shipped.txt", value: text("Hi {{name}},\n\nYour order {{orderId}} is on its way.\n") },
    { key: "config/inventory/warehouses.json", value: json({ "dub-1": { capacity: 12000 }, "fra-2": { capacity: 8000 }, "lhr-3": { capacity: 6500 } }) },
    { key: "config/team notes/on-call rota", value: text("Week 47: Aoife (primary), Mateusz (secondary)\nWeek 48: Priya (primary), Tomás (secondary)\n") },
    { key: "config/café/menu", value: text("espresso €2.20\nflat white €3.10\ncroissant €2.50\n") },
    { key: "config/deprecated/", value: Buffer.alloc(0) },
    {
      key: "features/flags",
      value: json({ newCheckout: true, oneClickPay: false, searchSynonyms: true, darkMode: true, giftCards: false, recommendationsV2: false }),
    },
    { key: "features/rollouts/new-checkout", value: text("25"), flags: 42 },
    { key: "i18n/greeting/日本語", value: text("いらっしゃいませ") },
    { key: "i18n/greeting/français", value: text("Bienvenue !") },
    { key: "i18n/greeting/Ελληνικά", value: text("Καλώς ήρθατε") },
    { key: "assets/logo.png", value: PNG_1X1 },
    { key: "secrets-meta/session-key.bin", value: binaryBlob() },
    { key: "data/geoip/ranges.csv", value: bigRegionTable(BIG_VALUE_BYTES) },
    { key: "locks/orders/reconcile", value: text("held-by=orders-1 since=2024-11-18T09:12:00Z") },
  ];
}

/** Writes every entry with plain PUTs: raw bytes in, so binary values stay binary. */
export async function seedKv(consul: SeedApi, entries: KvEntry[] = demoKvEntries()): Promise<number> {
  for (const e of entries) await consul.kv.put(e.key, e.value, { flags: e.flags });
  return entries.length;
}
