-- CreateTable
CREATE TABLE "PasswordResetTicket" (
    "id" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "nationalId" CHAR(10) NOT NULL,
    "mobile" VARCHAR(11) NOT NULL,
    "accountId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "verifiedAt" TIMESTAMPTZ(3),
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "PasswordResetTicket_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "PasswordResetTicket_tokenHash_key" ON "PasswordResetTicket"("tokenHash");

-- CreateIndex
CREATE INDEX "PasswordResetTicket_expiresAt_idx" ON "PasswordResetTicket"("expiresAt");

