import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A self-contained server (.next/standalone) that deploys without the source tree.
  output: "standalone",
  // The Consul client uses undici's Agent for TLS options; pino and prom-client load Node internals lazily.
  serverExternalPackages: ["undici", "pino", "prom-client"],
  experimental: {
    // The stylesheet (Tailwind, ~30 KB) goes into the HTML as <style>: no render-blocking request
    // before a first visitor sees the first screen. CSP allows inline styles (lib/http/security.ts).
    inlineCss: true,
  },
};

export default nextConfig;
