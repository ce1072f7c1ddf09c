import "server-only";
import crypto from "node:crypto";
import { cookies } from "next/headers";
import { getAuthSecret } from "@/lib/server/auth/auth-secret";
import { shouldUseSecureCookies } from "@/lib/server/auth/cookie-security";
import { isUuid } from "@/lib/utils/uuid";

// The browser's half of looking up a visit by tracking code (docs/decisions/019):
// which visit, whether its SMS code was confirmed, and until when; signed with
// the session secret, only on the look-up's own pages. Short-lived: 10 minutes
// to type the code, 30 to change the visit once it is confirmed.
const COOKIE = "tamin.visit";
const PATH = "/visit";
const CODE_TTL_MS = 10 * 60_000;
const OPEN_TTL_MS = 30 * 60_000;

export type VisitTicket = { visitId: string; confirmed: boolean };

const sign = (body: string) => crypto.createHmac("sha256", getAuthSecret()).update(`visit-ticket:${body}`).digest("hex");

export async function setVisitTicket({ visitId, confirmed, now = new Date() }: VisitTicket & { now?: Date }): Promise<void> {
  const ttl = confirmed ? OPEN_TTL_MS : CODE_TTL_MS;
  const body = `${visitId}.${confirmed ? "open" : "code"}.${now.getTime() + ttl}`;
  (await cookies()).set(COOKIE, `${body}.${sign(body)}`, {
    httpOnly: true,
    secure: await shouldUseSecureCookies(),
    sameSite: "lax",
    path: PATH,
    maxAge: ttl / 1000,
  });
}

/** This browser's look-up, or null (none, expired, or not ours). */
export async function readVisitTicket(now: Date = new Date()): Promise<VisitTicket | null> {
  const value = (await cookies()).get(COOKIE)?.value;
  const [visitId, stage, until, mac] = value?.split(".") ?? [];
  if (!visitId || !stage || !until || !mac || !isUuid(visitId)) return null;
  const expected = Buffer.from(sign(`${visitId}.${stage}.${until}`), "hex");
  const given = Buffer.from(mac, "hex");
  if (given.length !== expected.length || !crypto.timingSafeEqual(given, expected)) return null;
  if (!(Number(until) > now.getTime())) return null;
  return { visitId, confirmed: stage === "open" };
}
