import "server-only";
import { getMobileOwnershipCheck } from "@/lib/adapters/mobile-ownership/get-mobile-ownership-check";
import type { Db } from "@/lib/server/db/prisma";
import { issueOneTimeCode } from "@/lib/server/otp/issue-one-time-code";
import { sendSms } from "@/lib/server/sms/send-sms";
import { updateDraft, type RegistrationDraft } from "./drafts";
import { registrationCodeSms } from "./registration-sms";

export type StartMobileResult =
  | { status: "CODE_SENT" | "CODE_ALREADY_SENT" | "ALREADY_VERIFIED" }
  | { status: "NOT_OWNER" }
  | { status: "TOO_MANY_SENDS"; retryAt: Date };

/**
 * Step 3: the number must be registered to the applicant; then a one-time code
 * goes to it. Throws AppError("MOBILE_CHECK_UNAVAILABLE") when the operator
 * check cannot answer.
 */
export async function startMobileVerification({
  db,
  draft,
  mobile,
  now = new Date(),
}: {
  db: Db;
  draft: RegistrationDraft & { nationalId: string };
  mobile: string;
  now?: Date;
}): Promise<StartMobileResult> {
  if (draft.mobile === mobile && draft.mobileVerifiedAt) return { status: "ALREADY_VERIFIED" };
  const owner = await getMobileOwnershipCheck().isOwner({ mobile, nationalId: draft.nationalId });
  if (!owner) return { status: "NOT_OWNER" };
  await updateDraft({ db, draftId: draft.id, changes: { mobile, mobileVerifiedAt: null }, now });
  const issued = await issueOneTimeCode({
    db,
    purpose: "REGISTRATION",
    mobile,
    subjectId: draft.id,
    now,
    send: async (code) => {
      await sendSms({ db, to: mobile, body: registrationCodeSms(code) });
    },
  });
  if (issued.ok) return { status: "CODE_SENT" };
  if (issued.reason === "RESEND_TOO_SOON") return { status: "CODE_ALREADY_SENT" };
  return { status: "TOO_MANY_SENDS", retryAt: issued.retryAt };
}
