import type { TRequestStatus as RequestStatus } from "@/lib/domain/requests";
import { STAFF_STATUS_LABEL, STATUS_LABEL } from "./labels";

const TONE: Record<RequestStatus, string> = {
  SUBMITTED: "border-brand-600 text-brand-800",
  IN_REVIEW: "border-brand-600 text-brand-800",
  RETURNED: "border-danger text-danger",
  APPROVED: "border-success text-success",
  REJECTED: "border-ink text-ink",
  ANSWERED: "border-success text-success",
  CLOSED: "border-muted text-muted",
};

/** A request's status in the words of its reader: the applicant (the default) or staff. */
export function StatusBadge({ status, reader = "applicant" }: { status: RequestStatus; reader?: "applicant" | "staff" }) {
  return <span className={`badge ${TONE[status]}`}>{(reader === "staff" ? STAFF_STATUS_LABEL : STATUS_LABEL)[status]}</span>;
}
