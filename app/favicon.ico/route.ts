import fs from "node:fs/promises";
import path from "node:path";

// Browsers ask for /favicon.ico whatever the page declares (e.g. after a 404):
// answer with the same icon as app/icon.svg instead of a 404.
export async function GET() {
  const svg = await fs.readFile(path.join(process.cwd(), "app", "icon.svg"));
  return new Response(svg, { headers: { "Content-Type": "image/svg+xml", "Cache-Control": "public, max-age=86400" } });
}
