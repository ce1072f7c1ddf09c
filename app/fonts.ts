import localFont from "next/font/local";

// Self-hosted from the vazirmatn npm package: no font download at build or run time.
export const vazirmatn = localFont({
  src: [
    { path: "../node_modules/vazirmatn/fonts/webfonts/Vazirmatn-Regular.woff2", weight: "400", style: "normal" },
    { path: "../node_modules/vazirmatn/fonts/webfonts/Vazirmatn-Bold.woff2", weight: "700", style: "normal" },
  ],
  variable: "--font-vazirmatn",
  display: "swap",
  fallback: ["Tahoma", "sans-serif"],
});
