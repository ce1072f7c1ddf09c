"use server";

import { redirect } from "next/navigation";
import { getDb } from "@/lib/server/db/prisma";
import { confirmEmail } from "@/lib/server/email/confirm-email";

/**
 * «تأیید پست الکترونیک»: the link's token is the proof, so no sign-in is needed
 * (the link is often opened on another device). The press, not the visit,
 * confirms: a mail scanner that fetches the link confirms nothing.
 */
export async function confirmEmailAction(formData: FormData): Promise<void> {
  const token = String(formData.get("token") ?? "");
  const result = await confirmEmail({ db: await getDb(), token });
  redirect(result.ok ? "/email/verify?done=1" : `/email/verify?error=${result.reason}`);
}
