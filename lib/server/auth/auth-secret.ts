import "server-only";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { getConfig } from "@/lib/config";

let cached: string | undefined;

/**
 * The key that encrypts session cookies: NEXTAUTH_SECRET, or on a demo machine a
 * random secret created once in DATA_DIR (so `npm start` needs no configuration
 * and restarts keep people signed in).
 */
export function getAuthSecret(): string {
  if (cached) return cached;
  const config = getConfig();
  if (config.NEXTAUTH_SECRET) return (cached = config.NEXTAUTH_SECRET);
  const file = path.join(config.dataDir, "auth-secret");
  try {
    cached = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
  } catch {
    fs.mkdirSync(/*turbopackIgnore: true*/ config.dataDir, { recursive: true });
    const secret = crypto.randomBytes(32).toString("base64url");
    try {
      fs.writeFileSync(/*turbopackIgnore: true*/ file, secret, { mode: 0o600, flag: "wx" });
      cached = secret;
    } catch {
      // Another process created it first.
      cached = fs.readFileSync(/*turbopackIgnore: true*/ file, "utf8").trim();
    }
  }
  return cached;
}
