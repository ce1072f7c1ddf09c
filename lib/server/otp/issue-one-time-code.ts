import "server-only";
import crypto from "node:crypto";
import type { Db } from "@/lib/server/db/prisma";
import type { OtpPurpose } from "@/lib/generated/prisma/client";
import { hashOneTimeCode } from "./code-hash";
import { OTP_POLICY } from "./otp-policy";

export type IssueResult =
  | { ok: true; expiresAt: Date; resendAt: Date }
  /** Asked again before the resend delay passed. */
  | { ok: false; reason: "RESEND_TOO_SOON"; retryAt: Date }
  /** The number already received the maximum sends in the window. */
  | { ok: false; reason: "TOO_MANY_SENDS"; retryAt: Date };

/**
 * Creates a code for `subjectId` (a registration draft or an account) and sends
 * it with `send`. The limits are checked against the codes table itself, so they
 * hold across app instances.
 */
export async function issueOneTimeCode({
  db,
  purpose,
  mobile,
  subjectId,
  send,
  now = new Date(),
}: {
  db: Db;
  purpose: OtpPurpose;
  mobile: string;
  subjectId: string;
  send: (code: string, expiresAt: Date) => Promise<void>;
  now?: Date;
}): Promise<IssueResult> {
  // The resend delay is per number: someone who corrects a mistyped number need not wait.
  const last = await db.oneTimeCode.findFirst({
    where: { subjectId, purpose, mobile },
    orderBy: { createdAt: "desc" },
    select: { createdAt: true },
  });
  if (last && now.getTime() - last.createdAt.getTime() < OTP_POLICY.resendAfterMs) {
    return { ok: false, reason: "RESEND_TOO_SOON", retryAt: new Date(last.createdAt.getTime() + OTP_POLICY.resendAfterMs) };
  }
  const recent = await db.oneTimeCode.findMany({
    where: { mobile, createdAt: { gt: new Date(now.getTime() - OTP_POLICY.sendWindowMs) } },
    orderBy: { createdAt: "asc" },
    select: { createdAt: true },
  });
  if (recent.length >= OTP_POLICY.maxSendsPerNumber) {
    return { ok: false, reason: "TOO_MANY_SENDS", retryAt: new Date(recent[0]!.createdAt.getTime() + OTP_POLICY.sendWindowMs) };
  }

  const id = crypto.randomUUID();
  const code = String(crypto.randomInt(0, 10 ** OTP_POLICY.length)).padStart(OTP_POLICY.length, "0");
  const expiresAt = new Date(now.getTime() + OTP_POLICY.ttlMs);
  // An earlier code for the same purpose stops working when a new one is sent.
  await db.$transaction([
    db.oneTimeCode.updateMany({ where: { subjectId, purpose, consumedAt: null }, data: { consumedAt: now } }),
    db.oneTimeCode.create({
      data: { id, purpose, mobile, subjectId, codeHash: hashOneTimeCode(id, code), createdAt: now, expiresAt },
      select: { id: true },
    }),
  ]);
  await send(code, expiresAt);
  return { ok: true, expiresAt, resendAt: new Date(now.getTime() + OTP_POLICY.resendAfterMs) };
}
