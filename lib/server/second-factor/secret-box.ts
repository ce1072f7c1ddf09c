import "server-only";
import crypto from "node:crypto";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";

// Second-factor secrets at rest: AES-256-GCM under a key derived (HKDF) from
// the session secret, so a copy of the database alone does not give them.
// Changing NEXTAUTH_SECRET makes the stored secrets unreadable: everyone
// enrols again (docs/decisions/015).

function key(): Buffer {
  return Buffer.from(crypto.hkdfSync("sha256", getAuthSecret(), "tamin-portal", "second-factor secret v1", 32));
}

export function sealSecret(secret: string): string {
  const iv = crypto.randomBytes(12);
  const cipher = crypto.createCipheriv("aes-256-gcm", key(), iv);
  const body = Buffer.concat([cipher.update(secret, "utf8"), cipher.final()]);
  return ["v1", iv.toString("base64url"), body.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function openSecret(sealed: string): string | null {
  const [version, iv, body, tag] = sealed.split(".");
  if (version !== "v1" || !iv || !body || !tag) return null;
  try {
    const decipher = crypto.createDecipheriv("aes-256-gcm", key(), Buffer.from(iv, "base64url"));
    decipher.setAuthTag(Buffer.from(tag, "base64url"));
    return Buffer.concat([decipher.update(Buffer.from(body, "base64url")), decipher.final()]).toString("utf8");
  } catch {
    return null;
  }
}

/** A keyed hash of a recovery code (they are random, so no slow hash is needed). */
export function hashRecoveryCode(code: string): string {
  return crypto.createHmac("sha256", key()).update(code).digest("hex");
}
