// The cluster test runs the HAProxy configuration operators deploy
// (docs/deploy/haproxy.cfg), with the test machine's addresses put in
// (tests/cluster/support/haproxy-config.ts). Checked here, without HAProxy, so that a
// change of the documented file that the cluster test could no longer take is
// seen in the unit tests.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { clusterHaproxyConfig, readDeployedHaproxyConfig } from "@/tests/cluster/support/haproxy-config";

const ports = { frontend: 3600, stats: 3601, servers: [3611, 3612, 3613] };

describe("the cluster test's HAProxy configuration", () => {
  const documented = readDeployedHaproxyConfig();
  const config = clusterHaproxyConfig(documented, ports);

  it("keeps every rule of the documented file", () => {
    for (const rule of [
      "compression offload",
      "http-request deny if { path_beg /api/metrics } !{ src 10.0.0.0/8 }",
      "use_backend portal_static if { path_beg /_next/static/ }",
      "http-request cache-use static_files",
      "process-vary on",
      "option redispatch",
      "http-request capture path,regsub([0-9][0-9][0-9][0-9][0-9][0-9]+,******,g) len 256",
    ]) {
      expect(documented).toContain(rule);
      expect(config).toContain(rule);
    }
  });

  it("puts the test's servers in both backends and none of the documented hosts", () => {
    expect(config).not.toMatch(/portal-\d/);
    expect(config).not.toContain("bind :8080");
    expect(config).toContain("  bind 127.0.0.1:3600");
    expect(config.match(/^ {2}server s\d 127\.0\.0\.1:361\d check$/gm)).toHaveLength(3);
    expect(config.match(/^ {2}server s(\d) 127\.0\.0\.1:361\d track portal_servers\/s\1$/gm)).toHaveLength(3);
    expect(config).toMatch(/listen stats\n {2}bind 127\.0\.0\.1:3601\n/);
  });

  it("keeps a client's request id exactly when the portal's server would", () => {
    // The same pattern in two places (HAProxy's ACL and server/portal-server.mjs), so that both logs name a request alike.
    const server = fs.readFileSync(path.resolve(import.meta.dirname, "../../server/portal-server.mjs"), "utf8");
    const portal = /function acceptableRequestId\(value\) \{\s*return typeof value === "string" && \/(.+?)\/\.test\(value\)/.exec(server)?.[1];
    const balancer = /^\s*acl acceptable_request_id req\.hdr\(x-request-id\) -m reg (\S+)$/m.exec(documented)?.[1];
    expect(portal).toBeDefined();
    expect(balancer).toBe(portal);
  });

  it("names the documented line it no longer finds", () => {
    expect(() => clusterHaproxyConfig(documented.replace("bind :8080", "bind :443 ssl crt /etc/haproxy/portal.pem"), ports)).toThrow(
      /expected one line matching .*bind.*found 0/,
    );
  });
});
