-- Reminders are sent once a day whatever runs their job (two servers, a retry):
-- the message carries a key, and a second one with the same key is not written.
ALTER TABLE "SmsMessage" ADD COLUMN "dedupeKey" VARCHAR(120);

CREATE UNIQUE INDEX "SmsMessage_dedupeKey_key" ON "SmsMessage"("dedupeKey");

ALTER TYPE "SmsKind" ADD VALUE 'DEADLINE_REMINDER';
