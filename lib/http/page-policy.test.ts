import http from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { setBaselineSecurityHeaders } from "./baseline-headers.mjs";
import { contentSecurityPolicy, DEVELOPMENT_CONTENT_SECURITY_POLICY, makeNonce, setPagePolicy } from "./page-policy.mjs";

const scriptSource = (policy: string) => policy.split("; ").find((d) => d.startsWith("script-src"))!;
const nonceOf = (policy: string) => /'nonce-([^']+)'/.exec(policy)?.[1];

describe("content security policy", () => {
  it("lets scripts run only with the nonce, never inline or eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", https: true });
    expect(scriptSource(csp)).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("connect-src 'self';");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "abc", https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("keeps every other limit under `next dev`, where scripts run without a nonce", () => {
    expect(scriptSource(DEVELOPMENT_CONTENT_SECURITY_POLICY)).toBe("script-src 'self' 'unsafe-inline' 'unsafe-eval'");
    const production = contentSecurityPolicy({ nonce: "abc", https: false });
    const others = (policy: string) => policy.split("; ").filter((d) => !d.startsWith("script-src") && !d.startsWith("connect-src"));
    expect(others(DEVELOPMENT_CONTENT_SECURITY_POLICY)).toEqual(others(production));
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, makeNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});

// A real server, as server/portal-server.mjs calls it; each answer echoes the policy the request
// carried to Next (where Next reads the nonce for its scripts).
describe("setPagePolicy", () => {
  let server: http.Server;
  let base: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      setBaselineSecurityHeaders(res);
      setPagePolicy(req, res, (req.url ?? "/").split("?")[0]!);
      res.setHeader("content-type", "application/json");
      res.end(JSON.stringify({ seen: req.headers["content-security-policy"] ?? null, reportOnly: req.headers["content-security-policy-report-only"] ?? null }));
    });
    await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  const get = async (path: string, init?: RequestInit) => {
    const response = await fetch(`${base}${path}`, init);
    return { policy: response.headers.get("content-security-policy") ?? "", frame: response.headers.get("x-frame-options"), ...((await response.json()) as { seen: string | null; reportOnly: string | null }) };
  };

  it("gives a page view, a posted form and a client navigation a fresh nonce, the same on the request and the response", async () => {
    const first = await get("/account/requests?status=open");
    const posted = await get("/account/requests/new", { method: "POST", headers: { "content-type": "multipart/form-data; boundary=x" }, body: "--x--\r\n" });
    const navigation = await get("/staff/requests", { headers: { rsc: "1", "next-router-prefetch": "1" } });
    for (const answer of [first, posted, navigation]) {
      expect(scriptSource(answer.policy)).toMatch(/^script-src 'self' 'nonce-[A-Za-z0-9+/]{22}==' 'strict-dynamic'$/);
      expect(answer.seen).toBe(answer.policy);
      expect(answer.frame).toBe("DENY");
    }
    expect(new Set([first, posted, navigation].map((answer) => nonceOf(answer.policy))).size).toBe(3);
  });

  it("never lets a client choose the nonce Next puts on the page's scripts", async () => {
    const forged = "script-src 'nonce-chosen'";
    const answer = await get("/", { headers: { "content-security-policy": forged, "content-security-policy-report-only": forged } });
    expect(nonceOf(answer.seen!)).not.toBe("chosen");
    expect(answer.reportOnly).toBeNull();
    const asset = await get("/_next/static/chunks/app.js", { headers: { "content-security-policy": forged, "content-security-policy-report-only": forged } });
    expect(asset).toMatchObject({ seen: null, reportOnly: null });
  });

  it("leaves static files to the fallback policy and the document downloads to their own", async () => {
    for (const path of ["/_next/static/chunks/app.js", "/_next/image?url=x", "/favicon.ico", "/icon.svg", "/icons/192.png", "/manifest.webmanifest", "/robots.txt"]) {
      const answer = await get(path);
      expect(answer.policy, path).toContain("default-src 'none'");
      expect(answer.policy, path).not.toContain("nonce-");
    }
    for (const path of ["/account/requests/1/documents/2", "/staff/requests/1/documents/2"]) {
      expect((await get(path)).policy, path).not.toContain("nonce-");
    }
    // A page whose path only starts like a public file still gets its policy.
    expect((await get("/icon.svg.html")).policy).toContain("nonce-");
  });
});
