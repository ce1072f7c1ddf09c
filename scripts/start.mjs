// `npm start`: the demo in one command. Validates configuration, builds when the
// sources are newer than the last build, migrates and seeds the database, then
// serves the portal on PORT (3000 by default) with the same server as
// production (`npm run serve`), in demo mode (PORTAL_ENV=demo unless set).
import { spawnSync, spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { buildIsStale } from "./build-state.mjs";

const root = path.resolve(import.meta.dirname, "..");
const bin = (name) => path.join(root, "node_modules", ".bin", name);
const port = process.env.PORT || "3000";
process.env.PORTAL_ENV ||= "demo";

function run(command, args, extraEnv = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: "inherit", env: { ...process.env, ...extraEnv } });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

// 1. Configuration, database and demo data (stops with one line on bad configuration).
run(bin("tsx"), ["--conditions=react-server", "scripts/db-setup.ts"]);

// 2. Build if needed.
if (buildIsStale(root)) {
  console.log("Building the portal (first start, or the sources changed)...");
  run(process.execPath, ["scripts/build.mjs"], { NEXT_TELEMETRY_DISABLED: "1" });
}

// 3. Serve.
console.log(`\nThe portal is starting at http://localhost:${port}`);
console.log("Demo persons and staff logins: see the table in README.md (section \"Demo data\").");
if ((process.env.SMS_PROVIDER || "outbox") === "outbox") {
  console.log(`Text messages (one-time codes, notices) are not sent: read them at http://localhost:${port}/dev/outbox\n`);
}
// SERVER_LOG_FILE (the browser tests set it): the server's output is also kept
// there, so a test can check that no log line holds a secret.
const logFile = process.env.SERVER_LOG_FILE ? fs.createWriteStream(process.env.SERVER_LOG_FILE, { flags: "a" }) : null;
// The portal's own server, not `next start`: it resolves each client's address from the socket.
const server = spawn(process.execPath, [".next/standalone/portal-server.mjs"], {
  cwd: root,
  stdio: logFile ? ["inherit", "pipe", "pipe"] : "inherit",
  env: { NEXT_TELEMETRY_DISABLED: "1", NEXTAUTH_URL: `http://localhost:${port}`, ...process.env, PORT: port },
});
if (logFile) {
  server.stdout.on("data", (chunk) => (process.stdout.write(chunk), logFile.write(chunk)));
  server.stderr.on("data", (chunk) => (process.stderr.write(chunk), logFile.write(chunk)));
}
for (const signal of ["SIGINT", "SIGTERM"]) process.on(signal, () => server.kill(signal));
server.on("exit", (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
