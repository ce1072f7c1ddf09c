-- CreateIndex
CREATE INDEX "Request_branchId_dueAt_id_idx" ON "Request"("branchId", "dueAt", "id");

