import "server-only";
import { AppError } from "@/lib/errors";
import type { StaffRole } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { activeJobQueue } from "@/lib/server/jobs/job-queue";
import { recordAudit } from "@/lib/server/review/record-audit";
import { canManageUndeliveredEmail, canRetryEmail } from "./manage-undelivered-email-policy";

/**
 * «ارسال دوباره» of an email, as `retrySms` does for a text message: a DEAD email
 * goes back to the outbox for a new round of tries (QUEUED, due now, `attempts`
 * back to 0, its job written in the same transaction on PostgreSQL), audited
 * with the earlier round's count and last error. Not DEAD is CONFLICT; an
 * address's confirmation link is never sent again (INVALID_INPUT).
 * docs/decisions/018.
 */
export async function retryEmail({
  db,
  actor,
  emailId,
  now = new Date(),
}: {
  db: Db;
  actor: { accountId: string; role: StaffRole };
  emailId: string;
  now?: Date;
}): Promise<void> {
  if (!canManageUndeliveredEmail(actor)) throw new AppError("FORBIDDEN");
  await db.$transaction(async (tx) => {
    const email = await tx.emailMessage.findUnique({
      where: { id: emailId },
      select: { status: true, kind: true, attempts: true, error: true, citizenId: true },
    });
    if (!email) throw new AppError("NOT_FOUND");
    if (email.kind === "EMAIL_VERIFICATION") throw new AppError("INVALID_INPUT", "a confirmation link is never sent again");
    if (!canRetryEmail(email)) throw new AppError("CONFLICT", `the email is ${email.status}, not DEAD`);
    // Conditional on DEAD: of two administrators pressing the button at once, one requeues it.
    const requeued = await tx.emailMessage.updateMany({
      where: { id: emailId, status: "DEAD" },
      data: { status: "QUEUED", attempts: 0, error: null, nextAttemptAt: now },
    });
    if (requeued.count !== 1) throw new AppError("CONFLICT", "the email was retried meanwhile");
    await activeJobQueue()?.queueEmailDelivery(tx, emailId);
    const citizen = email.citizenId ? await tx.citizenAccount.findUnique({ where: { id: email.citizenId }, select: { nationalId: true } }) : null;
    await recordAudit(
      tx,
      {
        staffId: actor.accountId,
        action: "RETRY_EMAIL",
        subjectNationalId: citizen?.nationalId ?? null,
        detail: `${emailId} ${email.kind} after ${email.attempts} tries: ${email.error ?? "no error recorded"}`,
      },
      now,
    );
  });
}
