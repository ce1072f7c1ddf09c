import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Import rules (app -> components -> lib, no cycles, adapters through their port,
// no test code in the product) are checked by dependency-cruiser: .dependency-cruiser.cjs.

const config = [
  { ignores: [".next/**", ".next-bench/**", "node_modules/**", "lib/generated/**", "data/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTypescript,
  {
    // Type-aware rules for promises: a promise nobody awaits loses its error (and, in
    // a server action, may run after the response); one passed where a plain
    // function is expected (an event handler, a forEach) is never awaited at all.
    files: ["**/*.{ts,tsx}"],
    languageOptions: { parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname } },
    rules: {
      "@typescript-eslint/no-floating-promises": "error",
      "@typescript-eslint/no-misused-promises": "error",
    },
  },
  {
    // CommonJS configuration files (dependency-cruiser reads .cjs only) load modules with require.
    files: ["**/*.cjs"],
    rules: { "@typescript-eslint/no-require-imports": "off" },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
