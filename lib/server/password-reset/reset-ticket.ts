import "server-only";
import { cookies } from "next/headers";
import { decode, encode } from "next-auth/jwt";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";
import { shouldUseSecureCookies } from "@/lib/server/auth/cookie-security";

// Carries the password-reset flow between its pages, encrypted (next-auth JWE):
// first the national ID that asked, then the account whose code was confirmed.
const COOKIE = "tamin.reset";
const TICKET_SECONDS = 15 * 60;

export type ResetTicket = { nationalId: string; mobile: string; verifiedAccountId?: string };

export async function writeResetTicket(ticket: ResetTicket) {
  const token = await encode({ token: { ...ticket }, secret: getAuthSecret(), maxAge: TICKET_SECONDS });
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    secure: await shouldUseSecureCookies(),
    sameSite: "lax",
    path: "/forgot-password",
    maxAge: TICKET_SECONDS,
  });
}

export async function readResetTicket(): Promise<ResetTicket | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  try {
    const payload = await decode({ token, secret: getAuthSecret() });
    if (typeof payload?.nationalId !== "string" || typeof payload.mobile !== "string") return null;
    return {
      nationalId: payload.nationalId,
      mobile: payload.mobile,
      verifiedAccountId: typeof payload.verifiedAccountId === "string" ? payload.verifiedAccountId : undefined,
    };
  } catch {
    return null;
  }
}

export async function clearResetTicket() {
  (await cookies()).delete({ name: COOKIE, path: "/forgot-password" });
}
