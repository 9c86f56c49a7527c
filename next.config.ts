import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // A self-contained server (.next/standalone) that deploys without the source tree.
  output: "standalone",
  // The history store's files (./data by default) belong to the host, never to the build.
  outputFileTracingExcludes: { "*": ["data/**", ".cache/**", "test-results/**"] },
  // The Consul client uses undici's Agent for TLS options; pino and prom-client load Node internals lazily.
  serverExternalPackages: ["undici", "pino", "prom-client"],
};

export default nextConfig;
