-- CreateEnum
CREATE TYPE "AuditAction" AS ENUM ('VIEW_REQUEST', 'VIEW_DOCUMENT', 'CLAIM', 'ASSIGN', 'APPROVE', 'REJECT', 'RETURN', 'ANSWER', 'FILE_ON_BEHALF', 'EXPORT_QUEUE');

-- DropIndex
DROP INDEX "Request_branchId_status_dueAt_idx";

-- AlterTable
ALTER TABLE "Request" ADD COLUMN     "assignedStaffId" UUID,
ADD COLUMN     "decidedAt" TIMESTAMPTZ(3);

-- AlterTable
ALTER TABLE "RequestEvent" ADD COLUMN     "assigneeStaffId" UUID;

-- CreateTable
CREATE TABLE "AuditEntry" (
    "id" UUID NOT NULL,
    "at" TIMESTAMPTZ(3) NOT NULL DEFAULT CURRENT_TIMESTAMP,
    "staffId" UUID NOT NULL,
    "action" "AuditAction" NOT NULL,
    "subjectNationalId" CHAR(10),
    "requestId" UUID,
    "documentId" UUID,
    "detail" VARCHAR(500),

    CONSTRAINT "AuditEntry_pkey" PRIMARY KEY ("id")
);

-- CreateIndex
CREATE INDEX "AuditEntry_subjectNationalId_at_idx" ON "AuditEntry"("subjectNationalId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_staffId_at_idx" ON "AuditEntry"("staffId", "at");

-- CreateIndex
CREATE INDEX "AuditEntry_requestId_at_idx" ON "AuditEntry"("requestId", "at");

-- CreateIndex
CREATE INDEX "Request_branchId_status_dueAt_id_idx" ON "Request"("branchId", "status", "dueAt", "id");

-- CreateIndex
CREATE INDEX "Request_assignedStaffId_status_idx" ON "Request"("assignedStaffId", "status");

-- CreateIndex
CREATE INDEX "Request_branchId_decidedAt_idx" ON "Request"("branchId", "decidedAt");

-- AddForeignKey
ALTER TABLE "Request" ADD CONSTRAINT "Request_assignedStaffId_fkey" FOREIGN KEY ("assignedStaffId") REFERENCES "StaffAccount"("id") ON DELETE SET NULL ON UPDATE CASCADE;

-- AddForeignKey
ALTER TABLE "AuditEntry" ADD CONSTRAINT "AuditEntry_staffId_fkey" FOREIGN KEY ("staffId") REFERENCES "StaffAccount"("id") ON DELETE RESTRICT ON UPDATE CASCADE;


-- Append-only history: the database itself refuses to change or remove audit
-- rows and request events, whoever asks (the application never does).
CREATE FUNCTION "refuse_change_of_append_only_row"() RETURNS trigger
LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'rows of % are append-only; % is not allowed', TG_TABLE_NAME, TG_OP
    USING ERRCODE = 'insufficient_privilege';
END;
$$;

CREATE TRIGGER "AuditEntry_append_only"
  BEFORE UPDATE OR DELETE ON "AuditEntry"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only_row"();
CREATE TRIGGER "AuditEntry_no_truncate"
  BEFORE TRUNCATE ON "AuditEntry"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_append_only_row"();
CREATE TRIGGER "RequestEvent_append_only"
  BEFORE UPDATE OR DELETE ON "RequestEvent"
  FOR EACH ROW EXECUTE FUNCTION "refuse_change_of_append_only_row"();
CREATE TRIGGER "RequestEvent_no_truncate"
  BEFORE TRUNCATE ON "RequestEvent"
  FOR EACH STATEMENT EXECUTE FUNCTION "refuse_change_of_append_only_row"();
