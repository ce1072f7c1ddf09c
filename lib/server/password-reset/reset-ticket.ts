import "server-only";
import { cookies } from "next/headers";
import { shouldUseSecureCookies } from "@/lib/server/auth/cookie-security";
import { getDb } from "@/lib/server/db/prisma";
import { findResetTicket, RESET_TICKET_TTL_MS, type ResetTicket } from "./reset-tickets";

// The browser's half of a "forgot password" flow: a random token naming a
// PasswordResetTicket row (reset-tickets.ts), only on the flow's own pages.
const COOKIE = "tamin.reset";

export async function setResetTicketCookie(token: string) {
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    secure: await shouldUseSecureCookies(),
    sameSite: "lax",
    path: "/forgot-password",
    maxAge: RESET_TICKET_TTL_MS / 1000,
  });
}

/** The live flow of this browser, or null (none, expired, or already used). */
export async function readResetTicket(): Promise<ResetTicket | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  return token ? findResetTicket({ db: await getDb(), token }) : null;
}

export async function clearResetTicket() {
  (await cookies()).delete({ name: COOKIE, path: "/forgot-password" });
}
