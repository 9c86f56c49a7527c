import type { NextConfig } from "next";

const nextConfig: NextConfig = {
  poweredByHeader: false,
  reactStrictMode: true,
  // The Consul client uses undici's Agent for TLS options; keep it out of the bundle.
  serverExternalPackages: ["undici"],
};

export default nextConfig;
