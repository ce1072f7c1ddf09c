// Persian words for a request's status: the citizen's and the staff's. Shared by
// the pages (through components/requests/labels.ts) and the staff's CSV export.
import type { TRequestStatus as RequestStatus } from "./requests";

export const STATUS_LABEL: Record<RequestStatus, string> = {
  SUBMITTED: "ثبت شده، در انتظار بررسی",
  IN_REVIEW: "در حال بررسی",
  RETURNED: "نیازمند اقدام شما",
  APPROVED: "تأیید شد",
  REJECTED: "رد شد",
  ANSWERED: "پاسخ داده شد",
  CLOSED: "بسته شد",
};

/** The same statuses as staff read them: a returned request waits on the applicant, not on "you". */
export const STAFF_STATUS_LABEL: Record<RequestStatus, string> = { ...STATUS_LABEL, RETURNED: "در انتظار مدارک متقاضی" };
