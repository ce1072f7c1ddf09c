import localFont from "next/font/local";

// Self-hosted from the vazirmatn npm package: no font download at build or run time.
// The Non-Latin cut (Persian and Arabic letters, Persian digits, punctuation) is
// 22 KB a weight instead of 51 KB; the few Latin letters and digits the portal
// shows fall back to the system's sans-serif (Roboto on Android, which is what
// the full cut embeds anyway). See bench/README.md, "Lighthouse".
export const vazirmatn = localFont({
  src: [
    { path: "../node_modules/vazirmatn/misc/Non-Latin/fonts/webfonts/Vazirmatn-NL-Regular.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/vazirmatn/misc/Non-Latin/fonts/webfonts/Vazirmatn-NL-Bold.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-vazirmatn",
  display: "swap",
  fallback: ["Tahoma", "sans-serif"],
});
