import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { cache } from "react";
import { getDb } from "@/lib/server/db/prisma";
import { getAuthSecret } from "./auth-secret";
import { shouldUseSecureCookies } from "./cookie-security";
import { createDecodedTokenCache } from "./decoded-token-cache";
import { resolveSession, revokeSession, type SessionUser } from "./sessions";
import { noteVisitor } from "@/lib/server/observability/request-context";

// The cookie holds only an encrypted (next-auth JWE) reference to the server-side
// session row; see docs/decisions/002-sessions.md.
const COOKIE = "tamin.session";
const SECURE_COOKIE = "__Secure-tamin.session";

export async function setSessionCookie(session: { id: string; expiresAt: Date }) {
  const maxAge = Math.max(1, Math.floor((session.expiresAt.getTime() - Date.now()) / 1000));
  const token = await encode({ token: { sid: session.id }, secret: getAuthSecret(), maxAge });
  const secure = await shouldUseSecureCookies();
  (await cookies()).set(secure ? SECURE_COOKIE : COOKIE, token, {
    httpOnly: true,
    secure,
    sameSite: "lax",
    path: "/",
    maxAge,
  });
}

const decoded = createDecodedTokenCache(5_000);

async function decodeSessionId(token: string): Promise<string | null> {
  const known = decoded.get(token, Date.now() / 1000);
  if (known) return known;
  try {
    const payload = await decode({ token, secret: getAuthSecret() });
    if (typeof payload?.sid !== "string") return null;
    if (typeof payload.exp === "number") decoded.set(token, { sid: payload.sid, exp: payload.exp });
    return payload.sid;
  } catch {
    return null;
  }
}

async function readSessionId(): Promise<string | null> {
  const jar = await cookies();
  const token = jar.get(SECURE_COOKIE)?.value ?? jar.get(COOKIE)?.value;
  return token ? decodeSessionId(token) : null;
}

/** The signed-in person for this request (resolved once per request), or null. */
export const getCurrentUser = cache(async (): Promise<SessionUser | null> => {
  const sessionId = await readSessionId();
  const user = sessionId ? await resolveSession({ db: await getDb(), sessionId }) : null;
  noteVisitor(user?.kind ?? "anonymous");
  return user;
});

export async function endCurrentSession() {
  const sessionId = await readSessionId();
  if (sessionId) await revokeSession({ db: await getDb(), sessionId });
  const jar = await cookies();
  jar.delete(COOKIE);
  jar.delete(SECURE_COOKIE);
}
