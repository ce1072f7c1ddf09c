// @ts-check
// The Content-Security-Policy of every page, set by the portal's server
// (server/portal-server.mjs) before Next sees the request (docs/decisions/033).
// Scripts run only with the response's nonce (and what those scripts load:
// 'strict-dynamic'), so an injected <script> or inline handler never runs.
// Next finds the policy on the request's headers and puts the nonce on its own
// scripts. Styles allow inline attributes (React style props, SVG charts); they
// cannot run code.
import crypto from "node:crypto";

/**
 * @param {{ nonce: string; https: boolean }} options
 * @returns {string}
 */
export function contentSecurityPolicy({ nonce, https }) {
  return policyWith(`'nonce-${nonce}' 'strict-dynamic'`, { https, connect: "'self'" });
}

/**
 * `next dev` only (next.config.js): no server of ours runs there to make a nonce per response, and
 * the development client evaluates code and reloads over a WebSocket. Every other limit is the same.
 */
export const DEVELOPMENT_CONTENT_SECURITY_POLICY = policyWith("'unsafe-inline' 'unsafe-eval'", { https: false, connect: "'self' ws:" });

/**
 * @param {string} scripts
 * @param {{ https: boolean; connect: string }} options
 */
function policyWith(scripts, { https, connect }) {
  const directives = [
    "default-src 'self'",
    `script-src 'self' ${scripts}`,
    "style-src 'self' 'unsafe-inline'",
    // blob: for the preview of a chosen image, data: for the receipt's QR code.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src ${connect}`,
    // Staff view PDFs of a request inside its page.
    "frame-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ];
  return directives.join("; ");
}

/** 128 random bits, base64: unguessable and fresh for every response. */
export function makeNonce() {
  return crypto.randomBytes(16).toString("base64");
}

// Not the build's static files and public/ (they keep the fallback policy, which lets nothing
// run), and not the document downloads, which set their own stricter policy (a browser enforces
// every policy it gets, so a second one would forbid the preview framed by its own page).
const WITHOUT_PAGE_POLICY =
  /^\/(?:_next\/static\/|_next\/image|favicon\.ico$|icon\.svg$|apple-touch-icon\.png$|icons\/|manifest\.webmanifest$|robots\.txt$|(?:account|staff)\/requests\/[^/]+\/documents\/)/;

/**
 * Gives a request for a page (a view, a form posted before JavaScript started, a server action,
 * a client navigation) a fresh nonce and its policy: on the request, where Next reads the nonce,
 * and on the response. A policy the client sent on its request is never what Next reads.
 * Runs after `applyTrustedProxy`, so `X-Forwarded-Proto` is the load balancer's.
 *
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 * @param {string} pathname the request's path, without its query
 */
export function setPagePolicy(request, response, pathname) {
  delete request.headers["content-security-policy-report-only"];
  if (WITHOUT_PAGE_POLICY.test(pathname)) {
    delete request.headers["content-security-policy"];
    return;
  }
  const https = request.headers["x-forwarded-proto"] === "https" || Boolean(/** @type {{ encrypted?: boolean }} */ (request.socket).encrypted);
  const policy = contentSecurityPolicy({ nonce: makeNonce(), https });
  request.headers["content-security-policy"] = policy;
  response.setHeader("Content-Security-Policy", policy);
  response.setHeader("X-Frame-Options", "DENY");
}
