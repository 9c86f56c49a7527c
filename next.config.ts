import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A self-contained server (.next/standalone) that deploys without the source tree.
  output: "standalone",
  // The Consul client uses undici's Agent for TLS options; pino and prom-client load Node internals lazily.
  serverExternalPackages: ["undici", "pino", "prom-client"],
};

export default nextConfig;
