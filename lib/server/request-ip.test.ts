import { describe, expect, it } from "vitest";
import { clientIpFromHeaders, normalizeIp, rateLimitNetwork } from "./request-ip";

const ip = (forwardedFor: string | null) => clientIpFromHeaders(new Headers(forwardedFor === null ? {} : { "x-forwarded-for": forwardedFor }));

describe("clientIpFromHeaders", () => {
  it("takes the address the portal's server resolved (the only entry, or the last)", () => {
    expect(ip("203.0.113.5")).toBe("203.0.113.5");
    expect(ip("198.51.100.1, 203.0.113.5")).toBe("203.0.113.5");
  });

  it("falls back to unknown without a usable address", () => {
    expect(ip(null)).toBe("unknown");
    expect(ip("")).toBe("unknown");
    expect(ip(" , ")).toBe("unknown");
    expect(ip("not-an-address")).toBe("unknown");
  });

  it("normalises what sockets and proxies write", () => {
    expect(ip("::ffff:127.0.0.1")).toBe("127.0.0.1");
    expect(ip("203.0.113.5:51234")).toBe("203.0.113.5");
    expect(ip("[2001:DB8::1]:443")).toBe("2001:db8::1");
    expect(ip("::1")).toBe("::1");
  });
});

describe("normalizeIp", () => {
  it("rejects what is not an address", () => {
    expect(normalizeIp("999.1.1.1")).toBeNull();
    expect(normalizeIp("example.org")).toBeNull();
  });
});

describe("rateLimitNetwork", () => {
  it("keeps an IPv4 address as it is", () => {
    expect(rateLimitNetwork("203.0.113.5")).toBe("203.0.113.5");
    expect(rateLimitNetwork("unknown")).toBe("unknown");
  });

  it("counts an IPv6 address by its /64 network", () => {
    expect(rateLimitNetwork("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(rateLimitNetwork("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(rateLimitNetwork("2001:0db8:0001:0002::")).toBe("2001:db8:1:2::/64");
    expect(rateLimitNetwork("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(rateLimitNetwork("::1")).toBe("0:0:0:0::/64");
    expect(rateLimitNetwork("64:ff9b::192.0.2.1")).toBe("64:ff9b:0:0::/64");
    expect(rateLimitNetwork("2001:db8::1")).not.toBe(rateLimitNetwork("2001:db9::1"));
  });
});
