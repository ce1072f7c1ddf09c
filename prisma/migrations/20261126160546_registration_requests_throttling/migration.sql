-- CreateEnum
CREATE TYPE "OtpPurpose" AS ENUM ('REGISTRATION', 'PASSWORD_RESET');

-- CreateEnum
CREATE TYPE "RequestKind" AS ENUM ('REGISTRATION', 'DEPENDENT_ENROLMENT', 'QUESTION');

-- CreateEnum
CREATE TYPE "RequestEventType" AS ENUM ('SUBMITTED', 'ASSIGNED', 'RETURNED', 'RESUBMITTED', 'APPROVED', 'REJECTED', 'ANSWERED', 'CLOSED');

-- CreateEnum
CREATE TYPE "ActorKind" AS ENUM ('SYSTEM', 'CITIZEN', 'STAFF');

-- AlterTable
ALTER TABLE "CitizenAccount" ADD COLUMN     "passwordChangedAt" TIMESTAMPTZ(3);

-- CreateTable
CREATE TABLE "RegistrationDraft" (
    "id" UUID NOT NULL,
    "tokenHash" CHAR(64) NOT NULL,
    "nationalId" CHAR(10),
    "mobile" VARCHAR(11),
    "mobileVerifiedAt" TIMESTAMPTZ(3),
    "firstName" TEXT,
    "lastName" TEXT,
    "fatherName" TEXT,
    "birthDate" CHAR(10),
    "email" TEXT,
    "emailSkipped" BOOLEAN NOT NULL DEFAULT false,
    "passwordHash" TEXT,
    "requestId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "RegistrationDraft_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "OneTimeCode" (
    "id" UUID NOT NULL,
    "purpose" "OtpPurpose" NOT NULL,
    "mobile" VARCHAR(11) NOT NULL,
    "subjectId" UUID NOT NULL,
    "codeHash" CHAR(64) NOT NULL,
    "attempts" INTEGER NOT NULL DEFAULT 0,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "expiresAt" TIMESTAMPTZ(3) NOT NULL,
    "consumedAt" TIMESTAMPTZ(3),

    CONSTRAINT "OneTimeCode_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Request" (
    "id" UUID NOT NULL,
    "trackingCode" CHAR(10) NOT NULL,
    "kind" "RequestKind" NOT NULL,
    "applicantNationalId" CHAR(10) NOT NULL,
    "citizenId" UUID,
    "branchId" UUID,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "Request_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RequestEvent" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "type" "RequestEventType" NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "actorKind" "ActorKind" NOT NULL,
    "actorStaffId" UUID,
    "reasonCode" VARCHAR(40),
    "note" TEXT,

    CONSTRAINT "RequestEvent_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "RateLimitHit" (
    "id" UUID NOT NULL,
    "bucket" VARCHAR(32) NOT NULL,
    "key" CHAR(64) NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RateLimitHit_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationDraft_tokenHash_key" ON "RegistrationDraft"("tokenHash");

-- CreateIndex
CREATE UNIQUE INDEX "RegistrationDraft_requestId_key" ON "RegistrationDraft"("requestId");

-- CreateIndex
CREATE INDEX "RegistrationDraft_expiresAt_idx" ON "RegistrationDraft"("expiresAt");

-- CreateIndex
CREATE INDEX "OneTimeCode_mobile_createdAt_idx" ON "OneTimeCode"("mobile", "createdAt");

-- CreateIndex
CREATE INDEX "OneTimeCode_subjectId_purpose_createdAt_idx" ON "OneTimeCode"("subjectId", "purpose", "createdAt");

-- CreateIndex
CREATE UNIQUE INDEX "Request_trackingCode_key" ON "Request"("trackingCode");

-- CreateIndex
CREATE INDEX "Request_citizenId_createdAt_idx" ON "Request"("citizenId", "createdAt");

-- CreateIndex
CREATE INDEX "Request_applicantNationalId_createdAt_idx" ON "Request"("applicantNationalId", "createdAt");

-- CreateIndex
CREATE INDEX "Request_branchId_createdAt_idx" ON "Request"("branchId", "createdAt");

-- CreateIndex
CREATE INDEX "RequestEvent_requestId_at_idx" ON "RequestEvent"("requestId", "at");

-- CreateIndex
CREATE INDEX "RateLimitHit_bucket_key_at_idx" ON "RateLimitHit"("bucket", "key", "at");

-- CreateIndex
CREATE INDEX "RateLimitHit_at_idx" ON "RateLimitHit"("at");

-- AddForeignKey
ALTER TABLE "RegistrationDraft" ADD CONSTRAINT "RegistrationDraft_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_citizenId_fkey" FOREIGN KEY ("citizenId") REFERENCES "CitizenAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_branchId_fkey" FOREIGN KEY ("branchId") REFERENCES "Branch"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "RequestEvent" ADD CONSTRAINT "RequestEvent_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
