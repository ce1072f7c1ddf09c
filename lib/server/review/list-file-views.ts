import "server-only";
import { AppError } from "@/lib/errors";
import type { AuditAction, StaffRole } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { decodeCursor, encodeCursor, isIsoInstant } from "@/lib/utils/keyset-cursor";
import { isUuid } from "@/lib/utils/uuid";

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

export type FileViewsPage = { views: FileView[]; nextCursor: string | null };

/** Entries per page, like «درخواست‌های من». */
export const FILE_VIEWS_PAGE_SIZE = 20;

type Cursor = { a: string; i: string };
const decodeViewsCursor = (raw: string | undefined) => decodeCursor<Cursor>(raw, (v) => isIsoInstant(v.a) && typeof v.i === "string" && isUuid(v.i));

/**
 * «چه کسانی پرونده من را دیده‌اند»: every view of and action on the citizen's
 * file by staff, newest first, from the append-only audit log, one page at a
 * time (keyset on the audit log's (subject, at) index: `after` is the previous
 * page's `nextCursor`; a cursor that does not parse starts from the newest).
 */
export async function listFileViews({
  db,
  citizenId,
  after,
  pageSize = FILE_VIEWS_PAGE_SIZE,
}: {
  db: Db;
  citizenId: string;
  after?: string;
  pageSize?: number;
}): Promise<FileViewsPage> {
  const account = await db.citizenAccount.findUnique({ where: { id: citizenId }, select: { nationalId: true } });
  if (!account) throw new AppError("NOT_FOUND");
  const cursor = decodeViewsCursor(after);
  const found = await db.auditEntry.findMany({
    where: {
      subjectNationalId: account.nationalId,
      ...(cursor ? { OR: [{ at: { lt: new Date(cursor.a) } }, { at: new Date(cursor.a), id: { lt: cursor.i } }] } : {}),
    },
    orderBy: [{ at: "desc" }, { id: "desc" }],
    take: pageSize + 1,
    select: {
      id: true,
      at: true,
      action: true,
      requestId: true,
      detail: true,
      staff: { select: { firstName: true, lastName: true, role: true, branch: { select: { name: true } } } },
    },
  });
  const entries = found.slice(0, pageSize);
  const last = entries[entries.length - 1];
  const requestIds = [...new Set(entries.flatMap((e) => (e.requestId ? [e.requestId] : [])))];
  const requests = requestIds.length
    ? await db.request.findMany({ where: { id: { in: requestIds }, applicantNationalId: account.nationalId }, select: { id: true, trackingCode: true } })
    : [];
  const codes = new Map(requests.map((r) => [r.id, r.trackingCode]));
  const views = entries.map((e) => ({
    id: e.id,
    at: e.at,
    action: e.action,
    staffName: `${e.staff.firstName} ${e.staff.lastName}`,
    staffRole: e.staff.role,
    branchName: e.staff.branch?.name ?? null,
    trackingCode: e.requestId ? (codes.get(e.requestId) ?? null) : null,
    documentName: e.action === "VIEW_DOCUMENT" ? e.detail : null,
  }));
  return { views, nextCursor: found.length > pageSize && last ? encodeCursor({ a: last.at.toISOString(), i: last.id }) : null };
}
