import "server-only";
import type { MandateScope, MandateMonths } from "@/lib/domain/mandates";
import { mandateEndsAt } from "@/lib/domain/mandates";
import type { Db } from "@/lib/server/db/prisma";
import { issueOneTimeCode } from "@/lib/server/otp/issue-one-time-code";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { MANDATE_REQUEST_HELPER } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { sendSms } from "@/lib/server/sms/send-sms";
import { findLiveMandate } from "./lock-pair";
import { mandateConsentSms } from "./mandate-sms";

export type RequestMandateResult =
  | { ok: true; mandateId: string }
  | { ok: false; reason: "SELF" }
  | { ok: false; reason: "ALREADY_ACTIVE" }
  | { ok: false; reason: "LOCKED"; until: Date };

/**
 * A helper asks to act for the person with `principalNationalId`. A pending
 * mandate is written, and when an account has that national ID a consent code
 * goes to the account's own verified mobile. The answer is the same whether or
 * not there is such an account (the code form is shown either way; a code
 * typed for a national ID with no account is simply wrong), so the form does
 * not tell who is registered. Five requests an hour per helper.
 */
export async function requestMandate({
  db,
  helperId,
  principalNationalId,
  scopes,
  months,
  now = new Date(),
}: {
  db: Db;
  helperId: string;
  principalNationalId: string;
  scopes: MandateScope[];
  months: MandateMonths;
  now?: Date;
}): Promise<RequestMandateResult> {
  const helper = await db.citizenAccount.findUniqueOrThrow({
    where: { id: helperId },
    select: { nationalId: true, firstName: true, lastName: true },
  });
  if (helper.nationalId === principalNationalId) return { ok: false, reason: "SELF" };
  const principal = await db.citizenAccount.findUnique({ where: { nationalId: principalNationalId }, select: { id: true, mobile: true } });
  if (principal) {
    if (await findLiveMandate(db, helperId, principal.id, now)) return { ok: false, reason: "ALREADY_ACTIVE" };
  }
  const attempt = await takeAttempt({ db, limits: [{ policy: MANDATE_REQUEST_HELPER, key: rateLimitKey("mandate", helperId) }], now });
  if (!attempt.ok) return { ok: false, reason: "LOCKED", until: attempt.until };

  const endsAt = mandateEndsAt(now, months);
  const mandate = await db.mandate.create({
    data: {
      helperId,
      principalNationalId,
      principalId: principal?.id ?? null,
      scopes,
      endsAt,
      createdAt: now,
      events: { create: { type: "REQUESTED", at: now, actorCitizenId: helperId } },
    },
    select: { id: true },
  });
  if (principal) {
    // A refused send (too soon, too many codes to that number) is not reported either.
    await issueOneTimeCode({
      db,
      purpose: "MANDATE_CONSENT",
      mobile: principal.mobile,
      subjectId: mandate.id,
      now,
      send: async (code) => {
        const body = mandateConsentSms({ name: `${helper.firstName} ${helper.lastName}`, nationalId: helper.nationalId }, scopes, endsAt, code);
        // Not tied to the account: «پیام‌ها» never lists a code, which a helper who may read it could pass on.
        await sendSms({ db, to: principal.mobile, body });
      },
    });
  }
  return { ok: true, mandateId: mandate.id };
}
