import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// Import boundaries: app → components → lib; the browser never reaches server-only code.
const serverOnly = {
  group: ["@/lib/server", "@/lib/server/*", "**/lib/server", "**/lib/server/*"],
  message: "components/ and pure lib/ code must not import server-only code (lib/server).",
};
const noReact = {
  group: ["react", "react-dom", "@tanstack/*", "@/components/*", "**/components/*"],
  message: "lib/server is server-only: it never imports React or components.",
};
const noFeatures = {
  group: ["@/components/*", "**/components/*", "!@/components/ui/*"],
  message: "components/ui holds primitives: it imports nothing feature-specific.",
};

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", ".cache/**", "tools/**", "next-env.d.ts", "test-results/**"] },
  {
    files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"],
    ignores: ["lib/server/**"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly] }] },
  },
  {
    files: ["components/ui/**/*.{ts,tsx}"],
    rules: { "no-restricted-imports": ["error", { patterns: [serverOnly, noFeatures] }] },
  },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts", "scripts/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
  {
    files: ["lib/server/**/*.ts"],
    rules: { "no-restricted-imports": ["error", { patterns: [noReact] }] },
  },
];

export default config;
