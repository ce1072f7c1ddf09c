import "server-only";
import crypto from "node:crypto";
import type { AuditAction } from "@/lib/generated/prisma/enums";
import { Prisma } from "@/lib/generated/prisma/client";
import type { Db, Tx } from "@/lib/server/db/prisma";
import { runStatement } from "@/lib/server/db/read-rows";

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
  // A plain INSERT: staff pages write one on every view, and Prisma's create costs
  // nearly three times the CPU of the statement it sends (docs/decisions/021);
  // straight to the driver adapter outside a transaction (decision 025).
  await runStatement(db, Prisma.sql`
    INSERT INTO "AuditEntry" ("id", "at", "staffId", "action", "subjectNationalId", "requestId", "documentId", "targetStaffId", "detail")
    VALUES (${crypto.randomUUID()}::uuid, ${now}, ${entry.staffId}::uuid, CAST(${entry.action} AS "AuditAction"), ${entry.subjectNationalId ?? null},
            ${entry.requestId ?? null}::uuid, ${entry.documentId ?? null}::uuid, ${entry.targetStaffId ?? null}::uuid, ${entry.detail ? entry.detail.slice(0, 500) : null})`);
}

/**
 * The audit row of a view of a request, written by the very statement that reads
 * the request: a data-modifying CTE that inserts one row for each row of `source`
 * (a CTE of the same statement with the request's "id" and "applicantNationalId").
 * The view is recorded exactly when the read found a request the staff member may
 * see, and costs no round trip of its own (bench/README.md, twenty-third session).
 */
export function auditViewOf(source: string, entry: { staffId: string; action: AuditAction }, now: Date): Prisma.Sql {
  return Prisma.sql`
    INSERT INTO "AuditEntry" ("id", "at", "staffId", "action", "subjectNationalId", "requestId")
    SELECT gen_random_uuid(), ${now}, ${entry.staffId}::uuid, CAST(${entry.action} AS "AuditAction"), v."applicantNationalId", v."id"
      FROM ${Prisma.raw(`"${source}"`)} v`;
}
