/** @type {import('next').NextConfig} */
const nextConfig = {
  reactStrictMode: true,
  poweredByHeader: false,
  experimental: {
    // Documents are up to 5 MB each; the upload code enforces the real limits.
    serverActions: { bodySizeLimit: "12mb" },
  },
  // PGlite loads its WebAssembly by URL and breaks when bundled; argon2 is native.
  serverExternalPackages: ["@electric-sql/pglite", "pglite-prisma-adapter", "@node-rs/argon2", "pg"],
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          // Addresses hold request ids: never sent to another site.
          { key: "Referrer-Policy", value: "same-origin" },
          { key: "Permissions-Policy", value: "camera=(), microphone=(), geolocation=(), payment=(), usb=()" },
          // Browsers honour it only over HTTPS; two years, as HSTS preload lists expect.
          { key: "Strict-Transport-Security", value: "max-age=63072000; includeSubDomains" },
          { key: "Cross-Origin-Opener-Policy", value: "same-origin" },
        ],
      },
      // Page views get a nonce-based policy from proxy.ts. Posts do not pass
      // through the proxy (it would read a 2 GB body to its end), so a page that
      // answers a form posted before JavaScript started gets this fixed policy:
      // the same limits, except that Next's inline scripts run without a nonce.
      {
        source: "/:path*",
        has: [{ type: "header", key: "content-type" }],
        headers: [
          {
            key: "Content-Security-Policy",
            value:
              "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' blob: data:; font-src 'self'; frame-src 'self'; object-src 'none'; base-uri 'self'; form-action 'self'; frame-ancestors 'none'",
          },
          { key: "X-Frame-Options", value: "DENY" },
        ],
      },
    ];
  },
};

export default nextConfig;
