
-- CreateEnum
CREATE TYPE "SecurityEventKind" AS ENUM ('STAFF_SIGN_IN_BURST');

-- AlterEnum
ALTER TYPE "OtpPurpose" ADD VALUE 'STAFF_UNLOCK';

-- AlterEnum
-- This migration adds more than one value to an enum.
-- With PostgreSQL versions 11 and earlier, this is not possible
-- in a single migration. This can be worked around by creating
-- multiple migrations, each migration adding only one value to
-- the enum.


ALTER TYPE "AuditAction" ADD VALUE 'ENROL_SECOND_FACTOR';
ALTER TYPE "AuditAction" ADD VALUE 'RESET_SECOND_FACTOR';
ALTER TYPE "AuditAction" ADD VALUE 'USE_RECOVERY_CODE';
ALTER TYPE "AuditAction" ADD VALUE 'UNLOCK_STAFF';

-- AlterTable
ALTER TABLE "StaffAccount" ADD COLUMN     "mobile" VARCHAR(11);

-- AlterTable
ALTER TABLE "AuditEntry" ADD COLUMN     "targetStaffId" UUID;

-- CreateTable
CREATE TABLE "SecondFactor" (
    "id" UUID NOT NULL,
    "staffId" UUID,
    "citizenId" UUID,
    "secretEncrypted" VARCHAR(200) NOT NULL,
    "confirmedAt" TIMESTAMPTZ(3),
    "lastTimeStep" INTEGER,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "SecondFactor_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RecoveryCode" (
    "id" UUID NOT NULL,
    "secondFactorId" UUID NOT NULL,
    "codeHash" CHAR(64) NOT NULL,
    "usedAt" TIMESTAMPTZ(3),

    CONSTRAINT "RecoveryCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SignInChallenge" (
    "id" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "kind" "SubjectKind" NOT NULL,
    "staffId" UUID,
    "citizenId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "completedAt" TIMESTAMPTZ(3),

    CONSTRAINT "SignInChallenge_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "SecurityEvent" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "kind" "SecurityEventKind" NOT NULL,
    "staffId" UUID NOT NULL,
    "detail" VARCHAR(500),

    CONSTRAINT "SecurityEvent_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "SecondFactor_staffId_key" ON "SecondFactor"("staffId");

-- CreateIndex
CREATE UNIQUE INDEX "SecondFactor_citizenId_key" ON "SecondFactor"("citizenId");

-- CreateIndex
CREATE INDEX "RecoveryCode_secondFactorId_idx" ON "RecoveryCode"("secondFactorId");

-- CreateIndex
CREATE UNIQUE INDEX "SignInChallenge_tokenHash_key" ON "SignInChallenge"("tokenHash");

-- CreateIndex
CREATE INDEX "SignInChallenge_expiresAt_idx" ON "SignInChallenge"("expiresAt");

-- CreateIndex
CREATE INDEX "SecurityEvent_staffId_at_idx" ON "SecurityEvent"("staffId", "at");

-- CreateIndex
CREATE INDEX "SecurityEvent_at_idx" ON "SecurityEvent"("at");

-- AddForeignKey
ALTER TABLE "SecondFactor" ADD CONSTRAINT "SecondFactor_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "SecondFactor" ADD CONSTRAINT "SecondFactor_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "CitizenAccount"("id") ON DELETE CASCADE ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RecoveryCode" ADD CONSTRAINT "RecoveryCode_secondFactorId_fkey" FOREIGN KEY ("secondFactorId") REFERENCES "SecondFactor"("id") ON DELETE CASCADE ON UPDATE CASCADE;

