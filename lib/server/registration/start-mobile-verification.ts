import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { issueOneTimeCode } from "@/lib/server/otp/issue-one-time-code";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { REGISTRATION_MOBILE_IP, REGISTRATION_MOBILE_NATIONAL_ID, REGISTRATION_MOBILE_NUMBER } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { rateLimitNetwork } from "@/lib/server/request-ip";
import { sendSms } from "@/lib/server/sms/send-sms";
import { updateDraft, type RegistrationDraft } from "./drafts";
import { registrationCodeSms } from "./registration-sms";

export type StartMobileResult =
  | { status: "CODE_SENT" | "CODE_ALREADY_SENT" | "ALREADY_VERIFIED" }
  | { status: "TOO_MANY_SENDS"; retryAt: Date }
  /** Too many numbers tried for this national ID, for this number, or from this network. */
  | { status: "LOCKED"; until: Date };

/**
 * Step 2: a one-time code goes to the number typed. Whether the number is
 * registered to the applicant is asked of the operator only once the code
 * comes back (verifyRegistrationCode): this step answers the same for any
 * number, so it tells a visitor nothing about who owns which number, and the
 * operator is not asked on behalf of someone who does not hold the phone.
 * Throttled per national ID, per number and per network; the attempt counts
 * before any code is sent.
 */
export async function startMobileVerification({
  db,
  draft,
  mobile,
  ip,
  now = new Date(),
}: {
  db: Db;
  draft: RegistrationDraft & { nationalId: string };
  mobile: string;
  ip: string;
  now?: Date;
}): Promise<StartMobileResult> {
  if (draft.mobile === mobile && draft.mobileVerifiedAt) return { status: "ALREADY_VERIFIED" };
  const attempt = await takeAttempt({
    db,
    limits: [
      { policy: REGISTRATION_MOBILE_NATIONAL_ID, key: rateLimitKey("national-id", draft.nationalId) },
      { policy: REGISTRATION_MOBILE_NUMBER, key: rateLimitKey("mobile", mobile) },
      { policy: REGISTRATION_MOBILE_IP, key: rateLimitKey("ip", rateLimitNetwork(ip)) },
    ],
    now,
  });
  if (!attempt.ok) return { status: "LOCKED", until: attempt.until };
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
