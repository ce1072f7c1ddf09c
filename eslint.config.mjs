import nextVitals from "eslint-config-next/core-web-vitals";
import nextTypescript from "eslint-config-next/typescript";

// Imports flow one way: app -> components -> lib. Presentational components never
// reach the database or server code; lib never reaches up into routes or components.
const serverOnly = ["@/lib/server/*", "@/lib/server/**", "@/lib/generated/*", "@/lib/generated/**", "@/lib/adapters/*", "@/lib/adapters/**"];

const config = [
  { ignores: [".next/**", "node_modules/**", "lib/generated/**", "data/**", "playwright-report/**", "test-results/**", "next-env.d.ts"] },
  ...nextVitals,
  ...nextTypescript,
  {
    files: ["components/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: [...serverOnly, "@/app/*", "@/app/**"], message: "components/ is presentational: pass data in as props." }] }],
    },
  },
  {
    files: ["lib/**/*.{ts,tsx}"],
    rules: {
      "no-restricted-imports": ["error", { patterns: [{ group: ["@/app/*", "@/app/**", "@/components/*", "@/components/**"], message: "lib/ must not import routes or components." }] }],
    },
  },
  {
    rules: {
      "@typescript-eslint/no-unused-vars": ["error", { argsIgnorePattern: "^_", varsIgnorePattern: "^_" }],
    },
  },
];

export default config;
