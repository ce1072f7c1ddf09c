import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";

/**
 * The client address of the current server action or route handler, or
 * "unknown". The portal's server (server/portal-server.mjs) resolves it before Next
 * sees the request, from the socket and TRUST_PROXY, and leaves it as the only
 * X-Forwarded-For entry (lib/http/trust-proxy.mjs, docs/decisions/014).
 * Production refuses to start without that server (instrumentation-node.ts);
 * under `next dev` the last entry is the address Next saw, or whatever a
 * client sent.
 */
export async function getRequestIp(): Promise<string> {
  return clientIpFromHeaders(await headers());
}

export function clientIpFromHeaders(requestHeaders: Pick<Headers, "get">): string {
  const entry = (requestHeaders.get("x-forwarded-for") ?? "")
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)
    .at(-1);
  return (entry && normalizeIp(entry)) ?? "unknown";
}

const IPV4_WITH_PORT = /^(\d{1,3}(?:\.\d{1,3}){3}):\d+$/;
const BRACKETED_IPV6 = /^\[([^\]]+)\](?::\d+)?$/;

/** A canonical textual address, or null when the entry is not an IP address. */
export function normalizeIp(raw: string): string | null {
  let ip = raw.trim();
  ip = IPV4_WITH_PORT.exec(ip)?.[1] ?? BRACKETED_IPV6.exec(ip)?.[1] ?? ip;
  ip = ip.toLowerCase();
  // IPv4 clients of a dual-stack socket arrive as ::ffff:a.b.c.d.
  if (ip.startsWith("::ffff:") && isIP(ip.slice(7)) === 4) ip = ip.slice(7);
  return isIP(ip) ? ip : null;
}

/**
 * The part of an address that rate limits count: an IPv4 address as is, an
 * IPv6 address by its /64 network, because one home or mobile connection is
 * handed a whole /64 and could otherwise rotate through addresses freely.
 */
export function rateLimitNetwork(ip: string): string {
  if (isIP(ip) !== 6) return ip;
  const groups = expandIpv6(ip);
  return groups ? `${groups.slice(0, 4).join(":")}::/64` : ip;
}

/** The eight 16-bit groups of an IPv6 address, without leading zeros. */
function expandIpv6(ip: string): string[] | null {
  const [head = "", tail, ...rest] = ip.replace(/%.*$/, "").split("::");
  if (rest.length > 0) return null;
  const groupsOf = (part: string) =>
    part === ""
      ? []
      : part.split(":").flatMap((group) => {
          if (isIP(group) !== 4) return [group];
          // An embedded IPv4 address (64:ff9b::192.0.2.1) is the last two groups.
          const [a = 0, b = 0, c = 0, d = 0] = group.split(".").map(Number);
          return [((a << 8) | b).toString(16), ((c << 8) | d).toString(16)];
        });
  const start = groupsOf(head);
  const end = tail === undefined ? [] : groupsOf(tail);
  const missing = 8 - start.length - end.length;
  if (missing < 0 || (tail === undefined && missing !== 0)) return null;
  return [...start, ...Array<string>(missing).fill("0"), ...end].map((group) => (parseInt(group, 16) || 0).toString(16));
}
