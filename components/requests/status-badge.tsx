import type { TRequestStatus as RequestStatus } from "@/lib/domain/requests";
import { Badge } from "./badge";
import { STAFF_STATUS_LABEL, STATUS_LABEL } from "./labels";

/** A request's status in the words of its reader: the applicant (the default) or staff. */
export function StatusBadge({ status, reader = "applicant" }: { status: RequestStatus; reader?: "applicant" | "staff" }) {
  return <Badge status={status} label={(reader === "staff" ? STAFF_STATUS_LABEL : STATUS_LABEL)[status]} />;
}
