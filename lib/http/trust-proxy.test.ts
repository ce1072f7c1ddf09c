import { describe, expect, it } from "vitest";
import { applyTrustedProxy, parseTrustProxy } from "./trust-proxy.mjs";

/** The headers Next would see for a request from `peer` carrying `headers`, under TRUST_PROXY=`setting`. */
function seenBehind(setting: string | undefined, peer: string, headers: Record<string, string> = {}) {
  const request = { socket: { remoteAddress: peer }, headers: { ...headers } as Record<string, string | string[] | undefined> };
  applyTrustedProxy(request, parseTrustProxy(setting).trust);
  return request.headers;
}

describe("TRUST_PROXY", () => {
  it("without a proxy, the client is the socket's peer and its forwarded headers are dropped", () => {
    for (const setting of [undefined, "", "false"]) {
      expect(seenBehind(setting, "203.0.113.9", { "x-forwarded-for": "198.51.100.1", "x-forwarded-host": "evil.example", "x-forwarded-proto": "https", forwarded: "for=1.2.3.4" })).toEqual({
        "x-forwarded-for": "203.0.113.9",
      });
    }
    expect(seenBehind("false", "::ffff:127.0.0.1")["x-forwarded-for"]).toBe("::ffff:127.0.0.1");
  });

  it("behind N proxies that append, the client is the entry N hops from the right, counting the peer", () => {
    expect(seenBehind("1", "10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.1" })["x-forwarded-for"]).toBe("198.51.100.1");
    expect(seenBehind("true", "10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.1" })["x-forwarded-for"]).toBe("198.51.100.1");
    expect(seenBehind("2", "10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.1, 10.0.0.9" })["x-forwarded-for"]).toBe("198.51.100.1");
    // A proxy that replaces the header (nginx $remote_addr) gives the same answer with "1" or "true".
    expect(seenBehind("true", "10.0.0.2", { "x-forwarded-for": "198.51.100.1" })["x-forwarded-for"]).toBe("198.51.100.1");
    // Fewer entries than proxies (a request that bypassed one): the furthest address known.
    expect(seenBehind("3", "10.0.0.2", { "x-forwarded-for": "198.51.100.1" })["x-forwarded-for"]).toBe("198.51.100.1");
    expect(seenBehind("1", "10.0.0.2")["x-forwarded-for"]).toBe("10.0.0.2");
  });

  it("keeps the host and protocol a trusted proxy forwards", () => {
    expect(seenBehind("1", "10.0.0.2", { "x-forwarded-for": "198.51.100.1", "x-forwarded-host": "portal.example", "x-forwarded-proto": "https" })).toEqual({
      "x-forwarded-for": "198.51.100.1",
      "x-forwarded-host": "portal.example",
      "x-forwarded-proto": "https",
    });
  });

  it("with the proxies' addresses, trusts hops only while they are listed", () => {
    const listed = "10.0.0.0/8, 192.168.1.10";
    expect(seenBehind(listed, "10.0.0.2", { "x-forwarded-for": "6.6.6.6, 198.51.100.1, 192.168.1.10" })["x-forwarded-for"]).toBe("198.51.100.1");
    // A peer that is not listed speaks for itself, and its forwarded headers go.
    expect(seenBehind(listed, "203.0.113.9", { "x-forwarded-for": "198.51.100.1", "x-forwarded-host": "evil.example" })).toEqual({ "x-forwarded-for": "203.0.113.9" });
    expect(seenBehind("loopback", "127.0.0.1", { "x-forwarded-for": "198.51.100.1" })["x-forwarded-for"]).toBe("198.51.100.1");
  });

  it("never takes something that is not an address for the client", () => {
    expect(seenBehind("2", "10.0.0.2", { "x-forwarded-for": "not-an-address, 198.51.100.1" })["x-forwarded-for"]).toBe("198.51.100.1");
    expect(seenBehind("1", "10.0.0.2", { "x-forwarded-for": "<script>" })["x-forwarded-for"]).toBe("10.0.0.2");
  });

  it.each(["yes", "0", "11", "10.0.0.0/33", "example.org", "-1"])("refuses TRUST_PROXY=%s with a reason", (value) => {
    expect(() => parseTrustProxy(value)).toThrow(/must be false, true, a number/);
  });
});
