// @ts-check
// The protective headers of every response, in one place: next.config.js adds
// them to everything Next answers, and server/portal-server.mjs sets them before Next
// runs, so that responses Next makes without its header rules (a URL it cannot
// decode, an error before routing) carry them too.

/** @type {{ key: string; value: string }[]} */
export const BASELINE_HEADERS = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  // Addresses hold request ids: never sent to another site.
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
  // Browsers honour it only over HTTPS; two years, as HSTS preload lists expect.
  { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
  { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
];

// Until a page or handler sets its own: nothing may run, load or frame it.
const FALLBACK = [
  { key: "Content-Security-Policy", value: "default-src 'none'; style-src 'unsafe-inline'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'" },
  { key: "X-Frame-Options", value: "DENY" },
];

/**
 * The baseline headers now, and the fallback policy when the head is written, only
 * where the answer did not set its own: Next adds a route handler's headers beside
 * those already on the response, and a browser enforces every policy it gets, so a
 * fallback set up front would forbid what a handler allows (the staff document
 * preview framed by its own page).
 *
 * @param {import("node:http").ServerResponse} response
 */
export function setBaselineSecurityHeaders(response) {
  for (const { key, value } of BASELINE_HEADERS) response.setHeader(key, value);
  const writeHead = response.writeHead;
  /** @type {any} */ (response).writeHead = function (/** @type {any[]} */ ...args) {
    const given = args.find((arg) => arg !== null && typeof arg === "object");
    const givenNames = new Set(
      Array.isArray(given)
        ? given.filter((_, i) => i % 2 === 0).map((name) => String(name).toLowerCase())
        : Object.keys(given ?? {}).map((name) => name.toLowerCase()),
    );
    for (const { key, value } of FALLBACK) {
      if (!response.hasHeader(key) && !givenNames.has(key.toLowerCase())) response.setHeader(key, value);
    }
    return writeHead.apply(response, /** @type {any} */ (args));
  };
}

/**
 * Answers 400 to a path that is not valid percent-encoded UTF-8 (`/%ff%fe`),
 * which Next would otherwise answer with a bare 500. Returns whether it did.
 *
 * @param {import("node:http").IncomingMessage} request
 * @param {import("node:http").ServerResponse} response
 */
export function refuseMalformedUrl(request, response) {
  const pathname = (request.url ?? "/").split("?")[0] ?? "/";
  try {
    if (!decodeURIComponent(pathname).includes("\u0000")) return false;
  } catch {
    // URIError: not UTF-8
  }
  response.statusCode = 400;
  response.setHeader("Content-Type", "text/html; charset=utf-8");
  response.setHeader("Cache-Control", "no-store");
  response.end(
    '<!doctype html><html lang="fa" dir="rtl"><meta charset="utf-8"><title>نشانی نامعتبر</title>' +
      '<style>body{font-family:sans-serif;max-width:40rem;margin:2rem auto;padding:0 1rem;line-height:1.8}</style>' +
      "<h1>نشانی نامعتبر است</h1><p>این نشانی نویسه‌هایی دارد که پذیرفته نمی‌شود. نشانی را بررسی کنید یا به <a href=\"/\">صفحه اصلی</a> بروید.</p></html>",
  );
  return true;
}
