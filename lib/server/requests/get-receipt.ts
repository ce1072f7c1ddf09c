import "server-only";
import { AppError } from "@/lib/errors";
import type { RequestDomain, RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import type { Db } from "@/lib/server/db/prisma";
import { maskNationalId } from "@/lib/utils/national-id";
import { responseWorkingDays } from "@/lib/domain/request-kinds";
import { getMyRequest } from "./get-my-request";

export type RequestReceipt = {
  id: string;
  trackingCode: string;
  kind: RequestKind;
  domain: RequestDomain | null;
  subject: string | null;
  status: RequestStatus;
  createdAt: Date;
  dueAt: Date | null;
  /** The legal time to answer this kind of request, in working days. */
  responseWorkingDays: number;
  branchName: string | null;
  applicantName: string;
  /** Only the last four digits show; a lost printout does not give away the whole ID. */
  maskedNationalId: string;
};

/**
 * The printable receipt of one of the person's own requests. Owner-scoped
 * through getMyRequest: someone else's request is NOT_FOUND.
 */
export async function getReceipt({
  db,
  citizenId,
  requestId,
  now = new Date(),
}: {
  db: Db;
  citizenId: string;
  requestId: string;
  now?: Date;
}): Promise<RequestReceipt> {
  const request = await getMyRequest({ db, citizenId, requestId, now });
  const applicant = await db.request.findFirst({
    where: { id: request.id, citizenId },
    select: { applicantNationalId: true, citizen: { select: { firstName: true, lastName: true } } },
  });
  if (!applicant?.citizen) throw new AppError("NOT_FOUND");
  return {
    id: request.id,
    trackingCode: request.trackingCode,
    kind: request.kind,
    domain: request.domain,
    subject: request.subject,
    status: request.status,
    createdAt: request.createdAt,
    dueAt: request.dueAt,
    responseWorkingDays: responseWorkingDays(request.kind, request.domain),
    branchName: request.branchName,
    applicantName: `${applicant.citizen.firstName} ${applicant.citizen.lastName}`,
    maskedNationalId: maskNationalId(applicant.applicantNationalId),
  };
}
