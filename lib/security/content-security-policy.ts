// The Content-Security-Policy of every page. Scripts run only with the page's
// nonce (and what those scripts load: 'strict-dynamic'), so an injected
// <script> or inline handler never runs. Styles allow inline attributes
// (React style props, SVG charts); they cannot run code.

export function contentSecurityPolicy({ nonce, https, dev = false }: { nonce: string; https: boolean; dev?: boolean }): string {
  const directives = [
    "default-src 'self'",
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    // blob: for the preview of a chosen image, data: for the receipt's QR code.
    "img-src 'self' blob: data:",
    "font-src 'self'",
    `connect-src 'self'${dev ? " ws:" : ""}`,
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
export function makeNonce(): string {
  const bytes = new Uint8Array(16);
  crypto.getRandomValues(bytes);
  return btoa(String.fromCharCode(...bytes));
}
