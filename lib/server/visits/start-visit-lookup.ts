import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import { issueOneTimeCode, type IssueResult } from "@/lib/server/otp/issue-one-time-code";
import { rateLimitKey } from "@/lib/server/rate-limit/hash-key";
import { TRACKING_LOOKUP_IP } from "@/lib/server/rate-limit/policies";
import { takeAttempt } from "@/lib/server/rate-limit/take-attempt";
import { rateLimitNetwork } from "@/lib/server/request-ip";
import { sendSms } from "@/lib/server/sms/send-sms";
import { visitCodeSms } from "./visit-sms";

export type VisitLookupStart =
  | { locked: true; until: Date }
  /** No booked visit has this tracking code for this national ID: which is wrong is not said. */
  | { found: false }
  | { found: true; visitId: string; mobile: string; sent: IssueResult };

/**
 * Looking up one's booked visit without an account (a person refused at
 * registration): the visit's tracking code and the national ID find it, and a
 * code goes to the mobile the booking was made with; only that code opens it.
 * Every attempt counts against the network's tracking look-ups (the same
 * budget as /track), so codes cannot be enumerated.
 */
export async function startVisitLookup({
  db,
  trackingCode,
  nationalId,
  ip,
  now = new Date(),
}: {
  db: Db;
  trackingCode: string;
  nationalId: string;
  ip: string;
  now?: Date;
}): Promise<VisitLookupStart> {
  const attempt = await takeAttempt({ db, limits: [{ policy: TRACKING_LOOKUP_IP, key: rateLimitKey("ip", rateLimitNetwork(ip)) }], now });
  if (!attempt.ok) return { locked: true, until: attempt.until };

  const visit = await db.branchVisit.findFirst({ where: { trackingCode, nationalId, status: "BOOKED" }, select: { id: true, mobile: true } });
  if (!visit) return { found: false };
  const sent = await issueOneTimeCode({
    db,
    purpose: "VISIT_LOOKUP",
    mobile: visit.mobile,
    subjectId: visit.id,
    now,
    send: async (code) => {
      await sendSms({ db, to: visit.mobile, body: visitCodeSms(code) });
    },
  });
  return { found: true, visitId: visit.id, mobile: visit.mobile, sent };
}
