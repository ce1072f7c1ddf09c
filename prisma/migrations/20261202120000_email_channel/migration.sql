-- Email as a second channel (docs/decisions/018): a confirmed address, the person's
-- choice, the one-time links confirming an address (hashed), and the email outbox.
ALTER TABLE "CitizenAccount" ADD COLUMN "emailVerifiedAt" TIMESTAMPTZ(3),
ADD COLUMN "emailNotices" BOOLEAN NOT NULL DEFAULT true;

CREATE TYPE "EmailStatus" AS ENUM ('QUEUED', 'SENT', 'FAILED', 'DEAD');

CREATE TYPE "EmailKind" AS ENUM ('EMAIL_VERIFICATION', 'REQUEST_RECEIVED', 'REQUEST_UPDATE', 'REGISTRATION_RESULT', 'PASSWORD_CHANGED', 'DEADLINE_REMINDER');

CREATE TABLE "EmailVerification" (
    "id" UUID NOT NULL,
    "citizenId" UUID NOT NULL,
    "email" VARCHAR(254) NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "EmailVerification_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "EmailVerification_tokenHash_key" ON "EmailVerification"("tokenHash");
CREATE INDEX "EmailVerification_citizenId_idx" ON "EmailVerification"("citizenId");
CREATE INDEX "EmailVerification_expiresAt_idx" ON "EmailVerification"("expiresAt");

ALTER TABLE "EmailVerification" ADD CONSTRAINT "EmailVerification_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "CitizenAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

CREATE TABLE "EmailMessage" (
    "id" UUID NOT NULL,
    "to" VARCHAR(254) NOT NULL,
    "subject" TEXT NOT NULL,
    "textBody" TEXT NOT NULL,
    "htmlBody" TEXT NOT NULL,
    "provider" VARCHAR(16) NOT NULL,
    "status" "EmailStatus" NOT NULL,
    "kind" "EmailKind" NOT NULL,
    "providerMessageId" TEXT,
    "error" TEXT,
    "citizenId" UUID,
    "smsMessageId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "nextAttemptAt" TIMESTAMPTZ(3),
    "sentAt" TIMESTAMPTZ(3),
    "dedupeKey" VARCHAR(120),

    CONSTRAINT "EmailMessage_pkey" PRIMARY KEY ("id")
);

CREATE UNIQUE INDEX "EmailMessage_dedupeKey_key" ON "EmailMessage"("dedupeKey");
CREATE INDEX "EmailMessage_citizenId_createdAt_idx" ON "EmailMessage"("citizenId", "createdAt");
CREATE INDEX "EmailMessage_smsMessageId_idx" ON "EmailMessage"("smsMessageId");
CREATE INDEX "EmailMessage_createdAt_idx" ON "EmailMessage"("createdAt");
CREATE INDEX "EmailMessage_status_nextAttemptAt_idx" ON "EmailMessage"("status", "nextAttemptAt");
