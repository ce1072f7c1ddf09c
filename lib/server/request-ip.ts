import "server-only";
import { isIP } from "node:net";
import { headers } from "next/headers";
import { getConfig } from "@/lib/config";

/**
 * The client address of the current server action or route handler, or
 * "unknown". Next.js puts the socket's address in `x-forwarded-for` only when
 * the request did not carry that header (it does not append to it), so:
 *   - TRUST_PROXY=false (the portal faces clients directly): the last entry,
 *     normally the address Next saw. A client talking to Next directly can send
 *     its own header, so per-network limits are best effort in this mode; the
 *     per-account limits do not depend on the address.
 *   - TRUST_PROXY=true (behind a known reverse proxy): the first entry, the
 *     client as the outermost proxy saw it. That proxy must replace any
 *     `X-Forwarded-For` the client sent (nginx:
 *     `proxy_set_header X-Forwarded-For $remote_addr;`), or clients can pick
 *     their own address.
 */
export async function getRequestIp(): Promise<string> {
  return clientIpFromHeaders({ headers: await headers(), trustProxy: getConfig().TRUST_PROXY === "true" });
}

export function clientIpFromHeaders({
  headers: requestHeaders,
  trustProxy,
}: {
  headers: Pick<Headers, "get">;
  trustProxy: boolean;
}): string {
  const entries = (requestHeaders.get("x-forwarded-for") ?? "")
    .split(",")
    .map((entry) => entry.trim())
    .filter(Boolean);
  const entry = trustProxy ? entries[0] : entries.at(-1);
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
