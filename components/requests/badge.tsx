import type { TRequestStatus } from "@/lib/domain/requests";

const TONE: Record<TRequestStatus, string> = {
  SUBMITTED: "border-brand-600 text-brand-800",
  IN_REVIEW: "border-brand-600 text-brand-800",
  RETURNED: "border-danger text-danger",
  APPROVED: "border-success text-success",
  REJECTED: "border-ink text-ink",
  ANSWERED: "border-success text-success",
  CLOSED: "border-muted text-muted",
};

/**
 * A status badge in the given words. `StatusBadge` finds the words; this module
 * imports no labels so that the lists' client rows can use it (docs/decisions/024).
 */
export function Badge({ status, label }: { status: TRequestStatus; label: string }) {
  return <span className={`badge ${TONE[status]}`}>{label}</span>;
}
