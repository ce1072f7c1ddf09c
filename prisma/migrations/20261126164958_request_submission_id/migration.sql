-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "submissionId" UUID;

-- CreateIndex
CREATE UNIQUE INDEX "Request_submissionId_key" ON "Request"("submissionId");

