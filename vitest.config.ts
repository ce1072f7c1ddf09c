import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;
const alias = {
  "@": root,
  // `server-only` throws outside the react-server condition; tests import server modules directly.
  "server-only": path.join(root, "tests/support/empty-module.ts"),
};

export default defineConfig({
  resolve: { alias },
  test: {
    projects: [
      {
        resolve: { alias },
        test: {
          name: "unit",
          include: ["{lib,app,components,scripts,bench}/**/*.test.{ts,tsx}", "tests/repository/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "**/node_modules/**"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          environment: "node",
          // Property tests run thousands of cases: about a second each when the machine
          // is idle, beyond vitest's 5 s default on a loaded 2-core CI machine.
          testTimeout: 30_000,
        },
      },
      {
        resolve: { alias },
        test: {
          name: "integration",
          include: ["{lib,app,scripts}/**/*.integration.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          globalSetup: ["tests/support/pglite-snapshot.ts"],
          environment: "node",
          testTimeout: 60_000,
          hookTimeout: 120_000,
          // PGlite boots in about two seconds and uses a lot of memory: keep workers few.
          maxWorkers: 2,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run test:security`: production servers on PostgreSQL (scripts/test-security.mjs).
          name: "security",
          include: ["tests/security/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          environment: "node",
          testTimeout: 240_000,
          hookTimeout: 240_000,
          // Each file runs its own servers; two cores are enough for one file at a time.
          fileParallelism: false,
        },
      },
      {
        resolve: { alias },
        test: {
          // `npm run test:cluster`: HAProxy, three production servers, PgBouncer, S3 (scripts/test-cluster.mjs).
          name: "cluster",
          include: ["tests/cluster/**/*.test.ts"],
          setupFiles: ["tests/support/fail-on-console-error.ts"],
          environment: "node",
          testTimeout: 180_000,
          hookTimeout: 300_000,
          // The files share the cluster's fixed ports.
          fileParallelism: false,
        },
      },
    ],
  },
});
