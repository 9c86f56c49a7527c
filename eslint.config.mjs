import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

/**
 * Import boundaries (see the README's layout section):
 *   app → components → lib; the browser never reaches server-only code;
 *   only lib/server/consul talks to Consul (its transport);
 *   scripts/ is the shared test/demo/bench harness and never imports e2e/;
 *   the application never imports the harness (only tests, e2e and scripts do).
 */
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
const consulAdapterOnly = {
  group: ["**/consul/transport", "@/lib/server/consul/transport"],
  message: "Only lib/server/consul talks to Consul's HTTP API: ask the adapter for a domain thing (entry at key, checks of a dc).",
};
const noHarness = {
  group: ["@/scripts/*", "**/scripts/*", "@/e2e/*", "**/e2e/*"],
  message: "The application never imports the test/demo/bench harness (scripts/, e2e/).",
};
const noE2e = {
  group: ["@/e2e/*", "**/e2e/*", "../e2e/*", "../../e2e/*"],
  message: "scripts/ is the shared harness: it never imports from e2e/ (e2e imports scripts/, not the other way).",
};

const appCode = ["app/**/*.{ts,tsx}", "components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}", "proxy.ts", "instrumentation.ts"];
const tests = ["**/*.test.ts"];
const restrict = (...patterns) => ({ "no-restricted-imports": ["error", { patterns }] });

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", "node_modules/**", ".cache/**", "tools/**", "next-env.d.ts", "test-results/**"] },
  { files: appCode, ignores: tests, rules: restrict(noHarness, consulAdapterOnly) },
  { files: ["components/**/*.{ts,tsx}", "lib/**/*.{ts,tsx}"], ignores: ["lib/server/**", ...tests], rules: restrict(serverOnly, noHarness, consulAdapterOnly) },
  { files: ["components/ui/**/*.{ts,tsx}"], ignores: tests, rules: restrict(serverOnly, noFeatures, noHarness, consulAdapterOnly) },
  { files: ["lib/server/**/*.ts"], ignores: ["lib/server/consul/**", ...tests], rules: restrict(noReact, noHarness, consulAdapterOnly) },
  { files: ["lib/server/consul/**/*.ts"], ignores: tests, rules: restrict(noReact, noHarness) },
  { files: ["scripts/**/*.ts"], rules: restrict(noE2e) },
  {
    // Playwright fixtures call `use`, which is not React's hook.
    files: ["e2e/**/*.ts", "scripts/**/*.ts"],
    rules: { "react-hooks/rules-of-hooks": "off" },
  },
];

export default config;
