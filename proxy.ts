import { NextResponse, type NextRequest } from "next/server";
import { contentSecurityPolicy, makeNonce } from "@/lib/security/content-security-policy";

// Runs before every page: a fresh CSP nonce per response (Next puts it on its
// own scripts when it finds the policy on the request), and the headers that
// keep pages out of frames and caches. Authorization is NOT done here: every
// page and action checks the session itself.
export function proxy(request: NextRequest) {
  const nonce = makeNonce();
  const https = request.headers.get("x-forwarded-proto") === "https" || request.nextUrl.protocol === "https:";
  const policy = contentSecurityPolicy({ nonce, https, dev: process.env.NODE_ENV === "development" });

  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("Content-Security-Policy", policy);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("Content-Security-Policy", policy);
  response.headers.set("X-Frame-Options", "DENY");
  return response;
}

export const config = {
  matcher: [
    {
      // Not static files (public/ too), and not the document downloads, which set their own stricter policy.
      source: "/((?!_next/static|_next/image|favicon\\.ico|icon\\.svg|apple-touch-icon\\.png|icons/|manifest\\.webmanifest|robots\\.txt|account/requests/[^/]+/documents/|staff/requests/[^/]+/documents/).*)",
      // Only requests without a body (page views). With a proxy, Next copies a
      // request's body for it and reads the whole stream, so a 2 GB post would be
      // read to the end instead of being cut off at the server-action limit.
      // Posts get a fixed policy from next.config.js instead.
      missing: [
        { type: "header", key: "next-router-prefetch" },
        { type: "header", key: "purpose", value: "prefetch" },
        { type: "header", key: "content-type" },
        { type: "header", key: "content-length" },
        { type: "header", key: "transfer-encoding" },
      ],
    },
  ],
};
