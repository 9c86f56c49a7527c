import { expect, type Page } from "@playwright/test";
import type { SeedApi, SeedKv } from "../../scripts/consul/seed-api";
import { uniq } from "./fixtures";

/** One page of the app, and what shows it has rendered. */
export interface SitePage {
  name: string;
  path: string;
  ready(page: Page): Promise<void>;
}

/**
 * Seeds a service (one instance down, with a long HTML check output) and a few keys
 * (JSON, text, a PNG), and lists every kind of page the app has.
 */
export async function seedSitePages(consul: SeedApi, kv: SeedKv): Promise<SitePage[]> {
  const svc = uniq("site-svc");
  const node = uniq("site-n");
  await consul.registerInstance({ node, id: `${svc}-1`, service: svc, port: 8080, address: "192.0.2.50", tags: ["web", "v2"] }, [
    { id: "http", name: "HTTP", status: "critical", output: `HTTP GET http://192.0.2.50:8080/health: 500\n<html><body>${"<p>error details</p>\n".repeat(200)}</body></html>` },
  ]);
  await consul.registerInstance({ node: `${node}-b`, id: `${svc}-2`, service: svc, port: 8080, address: "192.0.2.51" }, [
    { id: "http", name: "HTTP", status: "passing", output: "HTTP GET: 200 OK" },
  ]);
  const folder = `${uniq("site")}/`;
  await kv.put(`${folder}settings.json`, JSON.stringify({ feature: true, limit: 10 }, null, 2));
  await kv.put(`${folder}notes`, "plain text");
  await kv.put(`${folder}logo.png`, Buffer.from("89504e470d0a1a0a0000000d4948445200000001000000010806000000", "hex"));
  const h1 = (page: Page) => expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  return [
    { name: "overview", path: `/?q=${svc}`, ready: (p) => expect(p.getByRole("rowheader", { name: svc })).toBeVisible() },
    { name: "service", path: `/services/${svc}`, ready: (p) => expect(p.getByRole("article").first()).toBeVisible() },
    { name: "wall", path: "/wall", ready: (p) => expect(p.getByTestId("wall")).toBeVisible() },
    { name: "kv root", path: "/kv", ready: (p) => expect(p.getByRole("table", { name: "Folder contents" })).toBeVisible() },
    { name: "kv folder", path: `/kv/${folder}`, ready: (p) => expect(p.getByTestId("key-size").first()).toBeVisible() },
    { name: "kv key", path: `/kv/${folder}settings.json`, ready: (p) => expect(p.getByRole("textbox", { name: "Value", exact: true })).toBeVisible() },
    { name: "kv image", path: `/kv/${folder}logo.png`, ready: (p) => expect(p.getByTestId("image-preview")).toBeVisible() },
    { name: "nodes", path: `/nodes?q=${node}`, ready: (p) => expect(p.getByRole("link", { name: node, exact: true }).first()).toBeVisible() },
    { name: "node", path: `/nodes/${node}`, ready: h1 },
    { name: "datacenters", path: "/datacenters", ready: h1 },
    { name: "kv audit", path: "/kv-audit", ready: h1 },
    { name: "sign-in", path: "/sign-in", ready: h1 },
    { name: "404", path: "/no-such-page", ready: h1 },
  ];
}
