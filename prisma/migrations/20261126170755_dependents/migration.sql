-- CreateEnum
CREATE TYPE "Relationship" AS ENUM ('WIFE', 'HUSBAND', 'SON', 'DAUGHTER', 'FATHER', 'MOTHER');

-- CreateTable
CREATE TABLE "Coverage" (
    "id" UUID NOT NULL,
    "insuredNationalId" CHAR(10) NOT NULL,
    "dependentNationalId" CHAR(10) NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "startedAt" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "endedAt" TIMESTAMPTZ(3),
    "requestId" UUID,

    CONSTRAINT "Coverage_pkey" PRIMARY KEY ("id")
);

-- CreateTable
CREATE TABLE "DependentEnrolment" (
    "requestId" UUID NOT NULL,
    "dependentNationalId" CHAR(10) NOT NULL,
    "firstName" TEXT NOT NULL,
    "lastName" TEXT NOT NULL,
    "fatherName" TEXT NOT NULL,
    "birthDate" CHAR(10) NOT NULL,
    "gender" "Gender" NOT NULL,
    "relationship" "Relationship" NOT NULL,
    "declared" JSONB NOT NULL,
    "eligibilityRule" VARCHAR(40) NOT NULL,
    "duplicateOfNationalId" CHAR(10),
    "filedByStaffId" UUID,

    CONSTRAINT "DependentEnrolment_pkey" PRIMARY KEY ("requestId")
);

-- CreateIndex
CREATE UNIQUE INDEX "Coverage_requestId_key" ON "Coverage"("requestId");

-- CreateIndex
CREATE INDEX "Coverage_dependentNationalId_idx" ON "Coverage"("dependentNationalId");

-- CreateIndex
CREATE UNIQUE INDEX "Coverage_insuredNationalId_dependentNationalId_key" ON "Coverage"("insuredNationalId", "dependentNationalId");

-- CreateIndex
CREATE INDEX "DependentEnrolment_dependentNationalId_idx" ON "DependentEnrolment"("dependentNationalId");

-- AddForeignKey
ALTER TABLE "Coverage" ADD CONSTRAINT "Coverage_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "DependentEnrolment" ADD CONSTRAINT "DependentEnrolment_requestId_fkey" FOREIGN KEY ("requestId") REFERENCES "Request"("id") ON DELETE RESTRICT ON UPDATE CASCADE;

