import "server-only";
import { cookies } from "next/headers";
import { shouldUseSecureCookies } from "@/lib/server/auth/cookie-security";
import { getDb } from "@/lib/server/db/prisma";
import { createDraft, DRAFT_TTL_MS, findDraftByToken, type RegistrationDraft } from "./drafts";

// Only a random token: the answers stay on the server.
const COOKIE = "tamin.registration";

export async function currentDraft(): Promise<RegistrationDraft | null> {
  const token = (await cookies()).get(COOKIE)?.value;
  if (!token) return null;
  return findDraftByToken({ db: await getDb(), token });
}

/** The current draft, or a new one (only from a server action: it sets the cookie). */
export async function currentOrNewDraft(): Promise<RegistrationDraft> {
  const existing = await currentDraft();
  if (existing && !existing.requestId) return existing;
  const { token, draft } = await createDraft({ db: await getDb() });
  (await cookies()).set(COOKIE, token, {
    httpOnly: true,
    secure: await shouldUseSecureCookies(),
    sameSite: "lax",
    path: "/register",
    maxAge: DRAFT_TTL_MS / 1000,
  });
  return draft;
}

export async function forgetDraftCookie() {
  (await cookies()).delete({ name: COOKIE, path: "/register" });
}
