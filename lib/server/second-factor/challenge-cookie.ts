import "server-only";
import { cookies } from "next/headers";
import { shouldUseSecureCookies } from "@/lib/server/auth/cookie-security";
import { getDb } from "@/lib/server/db/prisma";
import { CHALLENGE_TTL_MS, findChallenge, type Challenge } from "./challenges";

// The browser's half of a sign-in waiting for its second step (challenges.ts).
const COOKIE = "tamin.challenge";

export async function setChallengeCookie(token: string) {
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    secure: await shouldUseSecureCookies(),
    sameSite: "lax",
    path: "/",
    maxAge: CHALLENGE_TTL_MS / 1000,
  });
}

/** This browser's live challenge, or null (none, expired, used, or out of attempts). */
export async function readChallenge(): Promise<Challenge | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  return token ? findChallenge({ db: await getDb(), token }) : null;
}

export async function clearChallengeCookie() {
  (await cookies()).delete({ name: COOKIE, path: "/" });
}
