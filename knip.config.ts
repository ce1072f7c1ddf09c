import type { KnipConfig } from "knip";

// Dead files, exports and dependencies (`npm test` runs `knip`; docs/style.md).
// Knip finds Next's routes, the test files and the configs of vitest, Playwright,
// eslint, PostCSS and Prisma by itself; listed here is only what it cannot see.
const config: KnipConfig = {
  entry: [
    // Run by path: `tsx scripts/x.ts` or `node scripts/x.mjs`, from package.json,
    // scripts/start.mjs, the benchmark and the README.
    "scripts/*.{ts,mjs}",
    // `npm run bench` runs bench/start.mjs, which starts these with tsx.
    "bench/{run,profile,compare}.ts",
    // Routes that only the benchmark's build contains (pageExtensions in next.config.js).
    "app/**/*.bench.tsx",
    // Playwright's teardown project (playwright.config.ts matches it by a regular expression).
    "tests/e2e/*.teardown.ts",
    // playwright.outages.config.ts starts them with tsx as web servers, by path.
    "tests/support/sms-gateway-stub.ts",
    "tests/support/mail-server-stub.ts",
    // The second Playwright config, run by scripts/test.mjs with --config.
    "playwright.outages.config.ts",
    // vitest.config.ts points `server-only` here by path.
    "tests/support/empty-module.ts",
    // The HTTP server around Next: scripts/build.mjs copies it into the standalone build,
    // which `npm run serve`, `npm start` and the Dockerfile run by path.
    "server/portal-server.mjs",
  ],
  project: ["**/*.{ts,tsx,mjs,js,css,prisma}"],
  // The house pairs each shared schema ZX with its type TX (docs/style.md), used or not yet.
  ignoreIssues: { "{lib/schemas/*.ts,app/**/form-schemas.ts}": ["types"] },
  // An export used in its own file is alive, only visible; what nothing uses at all is dead.
  ignoreExportsUsedInFile: true,
  ignoreDependencies: [
    // The font files are read by path from node_modules (app/fonts.ts, next/font/local).
    "vazirmatn",
    // Started as a program by path (bench/lib/lighthouse.ts), not imported.
    "lighthouse",
    // dependency-cruiser reads TypeScript through Babel (scripts/import-rules/babel.config.json);
    // @swc/core is never run, but makes dependency-cruiser 16 accept .ts and .tsx files
    // (docs/offline-stack-notes.md, "dependency-cruiser").
    "@babel/core",
    "@babel/preset-typescript",
    "@swc/core",
  ],
  // Debian's tools, not npm packages (util-linux, PostgreSQL's client, and the load balancer
  // and pooler of the cluster test).
  ignoreBinaries: ["taskset", "pg_isready", "haproxy", "pgbouncer"],
};

export default config;
