import { describe, expect, it } from "vitest";
import { contentSecurityPolicy, makeNonce } from "./content-security-policy";

describe("content security policy", () => {
  it("lets scripts run only with the nonce, never inline or eval in production", () => {
    const csp = contentSecurityPolicy({ nonce: "abc", https: true });
    const script = csp.split("; ").find((d) => d.startsWith("script-src"))!;
    expect(script).toBe("script-src 'self' 'nonce-abc' 'strict-dynamic'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).toContain("upgrade-insecure-requests");
    expect(contentSecurityPolicy({ nonce: "abc", https: false })).not.toContain("upgrade-insecure-requests");
  });

  it("makes a different 128-bit nonce every time", () => {
    const nonces = new Set(Array.from({ length: 1000 }, makeNonce));
    expect(nonces.size).toBe(1000);
    for (const nonce of nonces) expect(Buffer.from(nonce, "base64")).toHaveLength(16);
  });
});
