-- The SMS table becomes the outbox: messages wait (QUEUED), are retried (FAILED)
-- and end SENT or DEAD (docs/decisions/017).
ALTER TYPE "SmsStatus" ADD VALUE 'QUEUED';
ALTER TYPE "SmsStatus" ADD VALUE 'DEAD';

ALTER TABLE "SmsMessage" ADD COLUMN "attempts" INTEGER NOT NULL DEFAULT 0,
ADD COLUMN "nextAttemptAt" TIMESTAMPTZ(3),
ADD COLUMN "sentAt" TIMESTAMPTZ(3);

-- Messages recorded before the outbox: one try each; those sent were sent when written,
-- those that failed stay FAILED with nothing due (an administrator may retry them).
UPDATE "SmsMessage" SET "attempts" = 1;
UPDATE "SmsMessage" SET "sentAt" = "createdAt" WHERE "status" = 'SENT';

CREATE INDEX "SmsMessage_status_nextAttemptAt_idx" ON "SmsMessage"("status", "nextAttemptAt");
