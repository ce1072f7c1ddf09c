import "server-only";
import type { Db } from "@/lib/server/db/prisma";
import type { OtpPurpose } from "@/lib/generated/prisma/client";
import { hashOneTimeCode, sameHash } from "./code-hash";
import { OTP_POLICY } from "./otp-policy";
import { isRecordNotFound } from "@/lib/server/db/prisma-errors";

export type VerifyResult =
  | { ok: true; mobile: string }
  | { ok: false; reason: "NO_CODE" | "EXPIRED" | "TOO_MANY_ATTEMPTS" }
  | { ok: false; reason: "WRONG_CODE"; attemptsLeft: number };

/** Checks a typed code against the newest live code of `subjectId`; a code works once. */
export async function verifyOneTimeCode({
  db,
  purpose,
  subjectId,
  code,
  now = new Date(),
}: {
  db: Db;
  purpose: OtpPurpose;
  subjectId: string;
  code: string;
  now?: Date;
}): Promise<VerifyResult> {
  const row = await db.oneTimeCode.findFirst({
    where: { subjectId, purpose, consumedAt: null },
    orderBy: { createdAt: "desc" },
    select: { id: true, codeHash: true, attempts: true, expiresAt: true, mobile: true },
  });
  if (!row) return { ok: false, reason: "NO_CODE" };
  if (now.getTime() >= row.expiresAt.getTime()) return { ok: false, reason: "EXPIRED" };
  if (row.attempts >= OTP_POLICY.maxAttempts) return { ok: false, reason: "TOO_MANY_ATTEMPTS" };

  // Count the attempt first and conditionally, so parallel guesses cannot exceed the limit.
  const counted = await db.oneTimeCode
    .update({
      where: { id: row.id, consumedAt: null, attempts: { lt: OTP_POLICY.maxAttempts } },
      data: { attempts: { increment: 1 } },
      select: { attempts: true },
    })
    .catch((error: unknown) => {
      if (isRecordNotFound(error)) return null;
      throw error;
    });
  if (!counted) return { ok: false, reason: "TOO_MANY_ATTEMPTS" };

  if (!/^\d+$/.test(code) || !sameHash(row.codeHash, hashOneTimeCode(row.id, code))) {
    const attemptsLeft = OTP_POLICY.maxAttempts - counted.attempts;
    return attemptsLeft > 0 ? { ok: false, reason: "WRONG_CODE", attemptsLeft } : { ok: false, reason: "TOO_MANY_ATTEMPTS" };
  }
  const consumed = await db.oneTimeCode.updateMany({ where: { id: row.id, consumedAt: null }, data: { consumedAt: now } });
  if (consumed.count === 0) return { ok: false, reason: "NO_CODE" };
  return { ok: true, mobile: row.mobile };
}
