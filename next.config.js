import { PHASE_DEVELOPMENT_SERVER } from "next/constants.js";
import { BASELINE_HEADERS } from "./lib/http/baseline-headers.mjs";
import { DEVELOPMENT_CONTENT_SECURITY_POLICY } from "./lib/http/page-policy.mjs";

// `npm run bench` builds and serves with BENCH_BUILD=1: its own output folder, and
// the benchmark's baseline page (`app/bench/baseline/[id]/page.bench.tsx`), which
// the production build in .next never contains (bench/README.md).
const benchBuild = process.env.BENCH_BUILD === "1";

/**
 * @param {string} phase
 * @returns {import('next').NextConfig}
 */
export default function nextConfig(phase) {
  const development = phase === PHASE_DEVELOPMENT_SERVER;
  return {
    distDir: benchBuild ? ".next-bench" : ".next",
    pageExtensions: benchBuild ? ["tsx", "ts", "jsx", "js", "bench.tsx"] : ["tsx", "ts", "jsx", "js"],
    // Next adds its build folder's generated types to the tsconfig it checks with:
    // the benchmark's own, so that tsconfig.json never points at .next-bench.
    typescript: { tsconfigPath: benchBuild ? "tsconfig.bench.json" : "tsconfig.json" },
    reactStrictMode: true,
    // One artefact for every server: .next/standalone (scripts/build.mjs adds the
    // static files, the HTTP server and the migrations). docs/decisions/011.
    output: "standalone",
    // The files the server reads by path at run time (migrations, the demo's
    // registry fixture) are copied by scripts/build.mjs; nothing else of the
    // repository (data/, tests, docs, the benchmark) may end up in the artefact.
    // Not "./bench/**" in the benchmark's build: that glob also matches its
    // folder .next-bench, and the server's own chunks would be left out.
    outputFileTracingExcludes: { "*": ["./data/**", "./tests/**", "./docs/**", ...(benchBuild ? [] : ["./bench/**"]), "./scripts/**", "./*.md", "./.env*"] },
    poweredByHeader: false,
    // `next dev` would otherwise write an AGENTS.md (and upgrade notes) into the repository.
    agentRules: false,
    experimental: {
      // Documents are up to 5 MB each; the upload code enforces the real limits.
      serverActions: { bodySizeLimit: "12mb" },
      agentUpgrade: false,
    },
    // PGlite loads its WebAssembly by URL and breaks when bundled; argon2 is native.
    // proxy-addr stays a package: the portal's server (server/portal-server.mjs) imports it
    // too, from the standalone build's node_modules.
    serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg", "pg-boss", "proxy-addr"],
    async headers() {
      return [
        {
          source: "/:path*",
          headers: BASELINE_HEADERS,
        },
        // Pages get their script policy with a fresh nonce from the portal's server
        // (lib/http/page-policy.mjs), which `next dev` does not run: there, a fixed one
        // (not on the document downloads, which set their own).
        ...(development ? [{ source: "/((?!account/requests/[^/]+/documents/|staff/requests/[^/]+/documents/).*)", headers: [{ key: "Content-Security-Policy", value: DEVELOPMENT_CONTENT_SECURITY_POLICY }] }] : []),
      ];
    },
  };
}
