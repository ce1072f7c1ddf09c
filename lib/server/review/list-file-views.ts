import "server-only";
import { AppError } from "@/lib/errors";
import type { AuditAction, StaffRole } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";

export type FileView = {
  id: string;
  at: Date;
  action: AuditAction;
  staffName: string;
  staffRole: StaffRole;
  branchName: string | null;
  trackingCode: string | null;
  documentName: string | null;
};

/**
 * «چه کسانی پرونده من را دیده‌اند»: every view of and action on the citizen's
 * file by staff, newest first, from the append-only audit log.
 */
export async function listFileViews({ db, citizenId, limit = 200 }: { db: Db; citizenId: string; limit?: number }): Promise<FileView[]> {
  const account = await db.citizenAccount.findUnique({ where: { id: citizenId }, select: { nationalId: true } });
  if (!account) throw new AppError("NOT_FOUND");
  const entries = await db.auditEntry.findMany({
    where: { subjectNationalId: account.nationalId },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: limit,
    select: {
      id: true,
      at: true,
      action: true,
      requestId: true,
      detail: true,
      staff: { select: { firstName: true, lastName: true, role: true, branch: { select: { name: true } } } },
    },
  });
  const requestIds = [...new Set(entries.flatMap((e) => (e.requestId ? [e.requestId] : [])))];
  const requests = requestIds.length
    ? await db.request.findMany({ where: { id: { in: requestIds }, applicantNationalId: account.nationalId }, select: { id: true, trackingCode: true } })
    : [];
  const codes = new Map(requests.map((r) => [r.id, r.trackingCode]));
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    action: e.action,
    staffName: `${e.staff.firstName} ${e.staff.lastName}`,
    staffRole: e.staff.role,
    branchName: e.staff.branch?.name ?? null,
    trackingCode: e.requestId ? (codes.get(e.requestId) ?? null) : null,
    documentName: e.action === "VIEW_DOCUMENT" ? e.detail : null,
  }));
}
