import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { OtpPurpose } from "@/lib/generated/prisma/client";
import { OTP_POLICY } from "./otp-policy";

/** When the newest code for a subject and number was sent, expires, and may be resent. */
export async function getCodeStatus({
  db,
  purpose,
  subjectId,
  mobile,
}: {
  db: Db;
  purpose: OtpPurpose;
  subjectId: string;
  mobile: string;
}): Promise<{ sentAt: Date; expiresAt: Date; resendAt: Date } | null> {
  const last = await db.oneTimeCode.findFirst({
    where: { subjectId, purpose, mobile },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true, expiresAt: true },
  });
  if (!last) return null;
  return {
    sentAt: last.createdAt,
    expiresAt: last.expiresAt,
    resendAt: new Date(last.createdAt.getTime() + OTP_POLICY.resendAfterMs),
  };
}
