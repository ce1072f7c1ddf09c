import "server-only";
import crypto from "node:crypto";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";

/** HMAC of a code bound to its row, so a leaked table does not reveal codes. */
export function hashOneTimeCode(codeId: string, code: string): string {
  return crypto.createHmac("sha256", getAuthSecret()).update(`${codeId}:${code}`).digest("hex");
}

export function sameHash(a: string, b: string): boolean {
  const left = Buffer.from(a, "hex");
  const right = Buffer.from(b, "hex");
  return left.length === right.length && crypto.timingSafeEqual(left, right);
}
