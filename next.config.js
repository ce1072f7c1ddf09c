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
      // Frames and page CSP come from proxy.ts; the staff document route is framed by its own page.
    ];
  },
};

export default nextConfig;
