// The cluster test's HAProxy configuration, made from the one operators deploy
// (docs/deploy/haproxy.cfg), so that the test runs what the documentation says
// and the two cannot drift apart. Only what must differ on one machine is
// replaced: addresses and ports, the servers, the health checks' pace (faster,
// with more patience for a loaded machine), the cache's size, a header naming the
// server that answered (the journey tests read it), and a statistics page.
// Each replaced line must be found exactly once: when the documented file
// changes shape, this throws and says which line it no longer finds.
import fs from "node:fs";
import path from "node:path";

const DEPLOYED_HAPROXY_CONFIG = path.resolve(import.meta.dirname, "../../../docs/deploy/haproxy.cfg");

export type ClusterHaproxyPorts = { frontend: number; stats: number; servers: readonly number[] };

type Replacement = { line: RegExp; with: string[] };

/** The documented configuration with the test's addresses, servers and pace. */
export function clusterHaproxyConfig(documented: string, ports: ClusterHaproxyPorts): string {
  const names = ports.servers.map((_, index) => `s${index + 1}`);
  const replacements: Replacement[] = [
    // The test machine's descriptor limit, not a national peak's.
    { line: /^\s*maxconn \d+$/, with: ["  maxconn 2000"] },
    { line: /^\s*bind :\d+$/, with: [`  bind 127.0.0.1:${ports.frontend}`] },
    {
      line: /^\s*option httpchk GET \/api\/health\/ready$/,
      // The journey tests check that each step lands on another server.
      with: ["  option httpchk GET /api/health/ready", "  http-response set-header X-Served-By %[srv_name]"],
    },
    // A check may take a while on a loaded machine; servers are found down and back within seconds.
    { line: /^\s*timeout check \d+s$/, with: ["  timeout check 5s"] },
    { line: /^\s*default-server .*$/, with: ["  default-server inter 1s fall 3 rise 2"] },
    { line: /^\s*server portal-1 .* check$/, with: ports.servers.map((port, i) => `  server ${names[i]} 127.0.0.1:${port} check`) },
    { line: /^\s*server portal-1 .* track portal_servers\/portal-1$/, with: ports.servers.map((port, i) => `  server ${names[i]} 127.0.0.1:${port} track portal_servers/${names[i]}`) },
    { line: /^\s*total-max-size \d+$/, with: ["  total-max-size 64"] },
  ];
  const lines = documented.split("\n");
  const out: string[] = [];
  const found = new Map<Replacement, number>();
  for (const line of lines) {
    // The documented file's other servers go: the first one's line stands for all of the test's.
    if (/^\s*server portal-[2-9]/.test(line)) continue;
    const replacement = replacements.find((r) => r.line.test(line));
    if (!replacement) {
      out.push(line);
      continue;
    }
    found.set(replacement, (found.get(replacement) ?? 0) + 1);
    out.push(...replacement.with);
  }
  for (const replacement of replacements) {
    const count = found.get(replacement) ?? 0;
    if (count !== 1) throw new Error(`docs/deploy/haproxy.cfg: expected one line matching ${replacement.line}, found ${count}; update tests/cluster/support/haproxy-config.ts`);
  }
  return [...out, "listen stats", `  bind 127.0.0.1:${ports.stats}`, "  stats enable", "  stats uri /stats", ""].join("\n");
}

export const readDeployedHaproxyConfig = () => fs.readFileSync(DEPLOYED_HAPROXY_CONFIG, "utf8");
