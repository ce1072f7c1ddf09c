// `npm run build`: the one artefact every server runs. `next build` writes the
// standalone server (.next/standalone: the compiled app and only the
// node_modules it needs); this adds what Next leaves out: the static assets,
// the portal's HTTP server (server/, and the client-address and header modules
// it shares with the app, lib/http/), the migrations (for
// `MIGRATE_ON_START` and the readiness check) and the registry fixture of the
// demo. Start a server with `npm run serve` or `node .next/standalone/portal-server.mjs`.
//
// NEXT_SERVER_ACTIONS_ENCRYPTION_KEY, when set, is the key the build and the
// servers share; every server of one build has the same server-action ids.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { addCompileHints } from "./compile-hints.mjs";

const root = path.resolve(import.meta.dirname, "..");
// The benchmark's build (BENCH_BUILD=1) has its own folder, as next.config.js says.
const distDir = process.env.BENCH_BUILD === "1" ? ".next-bench" : ".next";
const standalone = path.join(root, distDir, "standalone");

const build = spawnSync(path.join(root, "node_modules", ".bin", "next"), ["build"], {
  cwd: root,
  stdio: "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", ...process.env },
});
if (build.status !== 0) process.exit(build.status ?? 1);

const copy = (from, to) => {
  if (fs.existsSync(path.join(root, from))) fs.cpSync(path.join(root, from), path.join(standalone, to), { recursive: true });
};
// Browsers compile the client scripts off the main thread as they arrive (docs/decisions/029).
const hinted = addCompileHints(path.join(root, distDir, "static", "chunks"));
copy(`${distDir}/static`, `${distDir}/static`);
copy("public", "public");
copy("prisma/migrations", "prisma/migrations");
copy("prisma/fixtures", "prisma/fixtures");
copy("app/icon.svg", "app/icon.svg");
copy("server", "server");
for (const file of ["trust-proxy.mjs", "baseline-headers.mjs", "page-policy.mjs"]) copy(`lib/http/${file}`, `lib/http/${file}`);
// The address every deployment file names; the server itself keeps its relative imports.
fs.writeFileSync(path.join(standalone, "portal-server.mjs"), 'import "./server/portal-server.mjs";\n');
// The standalone package.json says "type": "module" like ours; keep only what Node needs.
fs.writeFileSync(path.join(standalone, "package.json"), `${JSON.stringify({ name: "tamin-portal-server", private: true, type: "module" }, null, 2)}\n`);
console.log(`\nBuilt: ${path.relative(root, standalone)} (start a server with npm run serve); ${hinted} client scripts marked for eager compilation`);
