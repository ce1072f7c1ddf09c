// @ts-check
// Who may tell the portal the client's address (docs/decisions/014). Plain
// JavaScript because the HTTP server (server/portal-server.mjs) runs it before Next,
// on Node without TypeScript; lib/config.ts validates TRUST_PROXY with it too.
import { isIP } from "node:net";
import proxyaddr from "proxy-addr";

/** @typedef {(address: string, hop: number) => boolean} TrustFunction */

const MAX_HOPS = 10;

/**
 * Parses TRUST_PROXY.
 *   - unset or "false": no proxy. The client is the socket's peer; any
 *     X-Forwarded-* header a client sends is dropped.
 *   - "1" ... "10": that many proxies in front, each appending the address it
 *     saw to X-Forwarded-For (HAProxy `option forwardfor`, nginx
 *     `$proxy_add_x_forwarded_for`). The client is the entry that many hops
 *     from the right, counting the socket's peer as the first. "true" means 1
 *     (one proxy that appends, or one that replaces the header: the same entry).
 *   - a comma-separated list of the proxies' addresses or CIDR ranges (or
 *     proxy-addr's names loopback, linklocal, uniquelocal): hops are trusted
 *     while they are in the list. Safer than a count when the servers can also
 *     be reached without the proxy.
 * Only a trusted peer's X-Forwarded-Host, -Proto and -Port are kept.
 *
 * @param {string | undefined} value
 * @returns {{ trust: TrustFunction; description: string }}
 * @throws {Error} naming what is wrong with the value
 */
export function parseTrustProxy(value) {
  const text = (value ?? "").trim();
  if (text === "" || text === "false") return { trust: () => false, description: "no proxy: the socket's address" };
  if (text === "true") return hops(1);
  if (/^\d+$/.test(text)) {
    const count = Number(text);
    if (count < 1 || count > MAX_HOPS) throw new Error(`must be false, true, a number of proxies from 1 to ${MAX_HOPS}, or the proxies' addresses (got "${text}")`);
    return hops(count);
  }
  const entries = text.split(",").map((entry) => entry.trim()).filter(Boolean);
  try {
    return { trust: proxyaddr.compile(entries), description: `proxies at ${entries.join(", ")}` };
  } catch (error) {
    throw new Error(`must be false, true, a number of proxies, or addresses and CIDR ranges separated by commas (${error instanceof Error ? error.message : String(error)})`);
  }
}

/** @param {number} count @returns {{ trust: TrustFunction; description: string }} */
function hops(count) {
  return { trust: (_address, hop) => hop < count, description: `${count} prox${count === 1 ? "y" : "ies"} in front` };
}

// Headers only a trusted proxy may set. `forwarded` (RFC 7239) and `x-real-ip`
// are not read by the portal, but nothing downstream should see a client's.
const PROXY_HEADERS = ["x-forwarded-host", "x-forwarded-proto", "x-forwarded-port", "forwarded", "x-real-ip"];

/**
 * Rewrites the forwarded headers of one incoming request before Next sees it:
 * X-Forwarded-For becomes exactly one address, the client's as TRUST_PROXY
 * resolves it; the other X-Forwarded-* headers are kept only when the socket's
 * peer is a trusted proxy (Next then fills them from Host and the socket).
 *
 * @param {{ socket: { remoteAddress?: string }; headers: Record<string, string | string[] | undefined> }} request
 * @param {TrustFunction} trust
 */
export function applyTrustedProxy(request, trust) {
  const peer = request.socket.remoteAddress ?? "";
  const peerIsTrusted = peer !== "" && trust(peer, 0);
  // proxyaddr.all: the peer first, then the trusted hops, the client last.
  const chain = proxyaddr.all(/** @type {import("node:http").IncomingMessage} */ (/** @type {unknown} */ (request)), trust);
  // A trusted hop that reported something other than an address: the address
  // of that hop is the best known.
  const client = [...chain].reverse().find((entry) => isIP(entry) !== 0) ?? peer;
  request.headers["x-forwarded-for"] = client;
  if (!peerIsTrusted) for (const header of PROXY_HEADERS) delete request.headers[header];
}

const CLIENT_ADDRESS_RESOLVED = Symbol.for("tamin.portal.clientAddressResolved");

/** Called by server/portal-server.mjs: from now on X-Forwarded-For of every request is the resolved client address. */
export function markClientAddressResolved() {
  /** @type {Record<symbol, unknown>} */ (globalThis)[CLIENT_ADDRESS_RESOLVED] = true;
}

/** Whether this process runs behind server/portal-server.mjs (same process, same global object). */
export function isClientAddressResolved() {
  return /** @type {Record<symbol, unknown>} */ (globalThis)[CLIENT_ADDRESS_RESOLVED] === true;
}
