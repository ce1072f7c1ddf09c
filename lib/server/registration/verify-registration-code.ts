import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { verifyOneTimeCode, type VerifyResult } from "@/lib/server/otp/verify-one-time-code";
import { updateDraft, type RegistrationDraft } from "./drafts";

/** Step 3b: the code sent to the number proves the person holds it. */
export async function verifyRegistrationCode({
  db,
  draft,
  code,
  now = new Date(),
}: {
  db: Db;
  draft: RegistrationDraft;
  code: string;
  now?: Date;
}): Promise<VerifyResult> {
  const result = await verifyOneTimeCode({ db, purpose: "REGISTRATION", subjectId: draft.id, code, now });
  if (result.ok) {
    if (result.mobile !== draft.mobile) return { ok: false, reason: "NO_CODE" };
    await updateDraft({ db, draftId: draft.id, changes: { mobileVerifiedAt: now }, now });
  }
  return result;
}
