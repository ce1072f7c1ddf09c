-- CreateEnum
CREATE TYPE "RequestDomain" AS ENUM ('INSURANCE', 'MEDICAL');

-- CreateEnum
CREATE TYPE "RequestStatus" AS ENUM ('SUBMITTED', 'IN_REVIEW', 'RETURNED', 'APPROVED', 'REJECTED', 'ANSWERED', 'CLOSED');

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "body" TEXT,
ADD COLUMN     "domain" "RequestDomain",
ADD COLUMN     "dueAt" TIMESTAMPTZ(3),
ADD COLUMN     "status" "RequestStatus" NOT NULL DEFAULT 'SUBMITTED',
ADD COLUMN     "subject" TEXT,
ADD COLUMN     "updatedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP;

-- AlterTable
ALTER TABLE "SmsMessage" ADD COLUMN     "citizenId" UUID;

-- CreateTable
CREATE TABLE "RequestDocument" (
    "id" UUID NOT NULL,
    "requestId" UUID NOT NULL,
    "kind" VARCHAR(40) NOT NULL,
    "storageKey" VARCHAR(80) NOT NULL,
    "fileName" VARCHAR(200) NOT NULL,
    "mimeType" VARCHAR(40) NOT NULL,
    "sizeBytes" INTEGER NOT NULL,
    "uploadedBy" "ActorKind" NOT NULL,
    "uploadedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,

    CONSTRAINT "RequestDocument_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Holiday" (
    "id" UUID NOT NULL,
    "date" DATE NOT NULL,
    "title" TEXT NOT NULL,
    "createdAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Holiday_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "Setting" (
    "key" VARCHAR(64) NOT NULL,
    "value" JSONB NOT NULL,
    "updatedAt" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "Setting_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE UNIQUE INDEX "RequestDocument_storageKey_key" ON "RequestDocument"("storageKey");

-- CreateIndex
CREATE INDEX "RequestDocument_requestId_idx" ON "RequestDocument"("requestId");

-- CreateIndex
CREATE UNIQUE INDEX "Holiday_date_key" ON "Holiday"("date");

-- CreateIndex
CREATE INDEX "Request_branchId_status_dueAt_idx" ON "Request"("branchId", "status", "dueAt");

-- CreateIndex
CREATE INDEX "SmsMessage_citizenId_createdAt_idx" ON "SmsMessage"("citizenId", "createdAt");

-- AddForeignKey
ALTER TABLE "RequestDocument" ADD CONSTRAINT "RequestDocument_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;
