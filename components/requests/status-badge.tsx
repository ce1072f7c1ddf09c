import type { TRequestStatus as RequestStatus } from "@/lib/domain/requests";
import { STATUS_LABEL } from "./labels";

const TONE: Record<RequestStatus, string> = {
  SUBMITTED: "border-brand-600 text-brand-800",
  IN_REVIEW: "border-brand-600 text-brand-800",
  RETURNED: "border-danger text-danger",
  APPROVED: "border-success text-success",
  REJECTED: "border-ink text-ink",
  ANSWERED: "border-success text-success",
  CLOSED: "border-muted text-muted",
};

export function StatusBadge({ status }: { status: RequestStatus }) {
  return <span className={`badge ${TONE[status]}`}>{STATUS_LABEL[status]}</span>;
}
