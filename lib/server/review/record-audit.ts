import "server-only";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import type { Db, Tx } from "@/lib/server/db/prisma";

export type AuditInput = {
  staffId: string;
  action: AuditAction;
  subjectNationalId?: string | null;
  requestId?: string | null;
  documentId?: string | null;
  /** For actions on a staff account (second factor reset, unlock). */
  targetStaffId?: string | null;
  detail?: string | null;
};

/**
 * One row of the audit log. Pass the transaction of the change it records so
 * the two land together; the database refuses to change or delete the row later.
 */
export async function recordAudit(db: Db | Tx, entry: AuditInput, now: Date = new Date()): Promise<void> {
  await db.auditEntry.create({
    data: { ...entry, detail: entry.detail ? entry.detail.slice(0, 500) : null, at: now },
    select: { id: true },
  });
}
