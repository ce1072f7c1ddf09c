// Whether the production build in .next is older than the sources it was built
// from (used by `npm start` and `npm run test:security`).
import fs from "node:fs";
import path from "node:path";

const SOURCES = ["server", "app", "components", "lib", "public", "prisma/schema.prisma", "next.config.js", "package-lock.json", "instrumentation.ts", "instrumentation-node.ts", "postcss.config.mjs", "scripts/build.mjs", "scripts/compile-hints.mjs"];

function newestMtime(root, entry) {
  const full = path.join(root, entry);
  if (!fs.existsSync(full)) return 0;
  const stat = fs.statSync(full);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const child of fs.readdirSync(full)) {
    if (child === "node_modules" || child === "generated" || child.endsWith(".test.ts")) continue;
    newest = Math.max(newest, newestMtime(root, path.join(entry, child)));
  }
  return newest;
}

export function buildIsStale(root) {
  const buildId = path.join(root, ".next", "BUILD_ID");
  if (!fs.existsSync(buildId) || !fs.existsSync(path.join(root, ".next", "standalone", "portal-server.mjs"))) return true;
  const built = fs.statSync(buildId).mtimeMs;
  return SOURCES.some((entry) => newestMtime(root, entry) > built);
}
