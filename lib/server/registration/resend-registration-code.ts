import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { issueOneTimeCode, type IssueResult } from "@/lib/server/otp/issue-one-time-code";
import { sendSms } from "@/lib/server/sms/send-sms";
import type { RegistrationDraft } from "./drafts";
import { registrationCodeSms } from "./registration-sms";

/** "Send the code again" on the verification page (ownership was checked when the number was saved). */
export async function resendRegistrationCode({
  db,
  draft,
  now = new Date(),
}: {
  db: Db;
  draft: RegistrationDraft & { mobile: string };
  now?: Date;
}): Promise<IssueResult> {
  return issueOneTimeCode({
    db,
    purpose: "REGISTRATION",
    mobile: draft.mobile,
    subjectId: draft.id,
    now,
    send: async (code) => {
      await sendSms({ db, to: draft.mobile, body: registrationCodeSms(code) });
    },
  });
}
