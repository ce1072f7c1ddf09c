// The import rules of the house (docs/style.md, "Layout"), checked on every
// `npm test` by dependency-cruiser 16 (17 and later need Node 22).
//   npx depcruise .                                  # check, as npm test does
//   npx depcruise . --output-type text --include-only "^lib/dependents"   # what imports what
//
// Paths are relative to the repository root. A test file (`*.test.ts`, `tests/`)
// may import whatever it needs; the product may not import tests or the benchmark.
//
// TypeScript is read through Babel (@babel/preset-typescript): dependency-cruiser 16
// parses with the `typescript` package only below version 6, and the project is on 6.
// scripts/import-rules/keep-type-imports.cjs keeps type-only imports as edges, so a
// cycle through types counts (docs/offline-stack-notes.md, "dependency-cruiser").
const fs = require("node:fs");
const path = require("node:path");

/**
 * The ports: in lib/adapters/<port>/, the interface `X.ts` is the file that has a
 * factory `get-X.ts` beside it; every other file there is an implementation or a
 * helper of the adapters (docs/style.md, "Adapters").
 */
function portFiles() {
  const adapters = path.join(__dirname, "lib", "adapters");
  return fs
    .readdirSync(adapters, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .flatMap((dir) =>
      fs
        .readdirSync(path.join(adapters, dir.name))
        .filter((file) => file.startsWith("get-") && !file.includes(".test."))
        .map((factory) => `${dir.name}/${factory.slice("get-".length)}`)
        .filter((port) => fs.existsSync(path.join(adapters, port))),
    );
}
const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** Product code: what `next build`, `npm start` and the scripts run. */
const PRODUCT = "^(app|components|lib|scripts)/|^(instrumentation|instrumentation-node)\\.ts$";
const TEST = "\\.test\\.tsx?$";

/** @type {import('dependency-cruiser').IConfiguration} */
module.exports = {
  forbidden: [
    {
      name: "no-circular",
      severity: "error",
      comment:
        "Modules that import each other, even only for types, cannot be understood or moved apart: " +
        "put what both need in a third module (lib/dependents/document-checklist.ts is an example).",
      from: {},
      to: { circular: true },
    },
    {
      name: "components-not-to-app",
      severity: "error",
      comment: "Imports flow app -> components -> lib: a component gets what a route knows as props.",
      from: { path: "^components/" },
      to: { path: "^app/" },
    },
    {
      name: "lib-not-to-app-or-components",
      severity: "error",
      comment: "Imports flow app -> components -> lib: lib/ knows nothing of routes or React components.",
      from: { path: "^lib/" },
      to: { path: "^(app|components)/" },
    },
    {
      name: "components-not-to-server",
      severity: "error",
      comment:
        "components/ is presentational: it never reaches server code (lib/server/), not even through " +
        "a helper in lib/ (the page passes data in as props).",
      from: { path: "^components/", pathNot: TEST },
      to: { path: "^lib/server/", reachable: true },
    },
    {
      name: "components-not-to-adapters",
      severity: "error",
      comment: "components/ is presentational: it never calls an external system (the page does, through lib/server/).",
      from: { path: "^components/", pathNot: TEST },
      to: { path: "^lib/adapters/" },
    },
    {
      name: "components-not-to-node",
      severity: "error",
      comment: "components/ runs in the browser too: no Node built-ins.",
      from: { path: "^components/", pathNot: TEST },
      to: { dependencyTypes: ["core"] },
    },
    {
      name: "adapters-only-through-their-port",
      severity: "error",
      comment:
        "An external system is reached through its port: outside lib/adapters/, code takes an adapter " +
        "from its factory (lib/adapters/<port>/get-X.ts, chosen by configuration) and may use the " +
        "port's interface (X.ts beside it); never an implementation (http-X.ts, mock-X.ts...) directly.",
      from: { path: PRODUCT, pathNot: ["^lib/adapters/", TEST] },
      to: {
        path: "^lib/adapters/",
        pathNot: [`^lib/adapters/[^/]+/get-[^/]+\\.ts$`, ...portFiles().map((port) => `^lib/adapters/${escape(port)}$`)],
      },
    },
    {
      name: "product-not-to-tests-or-bench",
      severity: "error",
      comment:
        "Test and benchmark helpers live in tests/ and bench/ and never ship. Only a route built for " +
        "the benchmark alone (*.bench.tsx, next.config.js) may use bench/.",
      from: { path: PRODUCT, pathNot: [TEST, "\\.bench\\.tsx$"] },
      to: { path: "^(tests|bench)/" },
    },
    {
      name: "product-not-to-dev-dependencies",
      severity: "error",
      comment: "The product may not need a devDependency at run time: production installs leave them out.",
      from: { path: "^(app|components|lib)/|^(instrumentation|instrumentation-node)\\.ts$", pathNot: TEST },
      to: { dependencyTypes: ["npm-dev"] },
    },
    {
      name: "not-to-unresolvable",
      severity: "error",
      comment: "An import that resolves to nothing (a typo, a moved file, a package not installed).",
      from: {},
      to: { couldNotResolve: true },
    },
  ],
  options: {
    exclude: { path: "^(node_modules|\\.next|\\.next-bench|data|lib/generated|playwright-report|test-results|bench/results)/" },
    doNotFollow: { path: "node_modules" },
    babelConfig: { fileName: "scripts/import-rules/babel.config.json" },
    tsConfig: { fileName: "tsconfig.json" },
    enhancedResolveOptions: {
      exportsFields: ["exports"],
      conditionNames: ["import", "require", "node", "default", "types"],
      mainFields: ["module", "main", "types", "typings"],
      extensions: [".ts", ".tsx", ".mjs", ".js", ".cjs", ".json"],
    },
    reporterOptions: { text: { highlightFocused: true } },
  },
};
