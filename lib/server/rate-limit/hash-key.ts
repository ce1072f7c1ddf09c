import "server-only";
import crypto from "node:crypto";

/**
 * The stored key of a rate-limit subject: the SHA-256 hex of its parts, so that
 * national IDs, mobile numbers and addresses never sit in the table in clear.
 * The parts are JSON-encoded before hashing so that ("a", "bc") and ("ab", "c")
 * differ. A plain hash of a ten-digit ID can still be reversed by trying every
 * ID; the short life of the rows (see prune-hits.ts) limits what that exposes.
 */
export function rateLimitKey(...parts: string[]): string {
  return crypto.createHash("sha256").update(JSON.stringify(parts)).digest("hex");
}
