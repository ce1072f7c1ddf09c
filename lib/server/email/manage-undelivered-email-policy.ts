// Who sees the emails the mail server did not take and sends them again: pure policy,
// as for text messages (lib/server/sms/manage-undelivered-sms-policy.ts).
import type { EmailKind, EmailStatus } from "@/lib/generated/prisma/enums";

export { canManageUndeliveredSms as canManageUndeliveredEmail } from "@/lib/server/sms/manage-undelivered-sms-policy";

/**
 * Only an email given up on is sent again by hand (a FAILED one is still being
 * retried), and never an address's confirmation link: its token lives a day, and
 * the person asks for a new link on «پست الکترونیک».
 */
export const canRetryEmail = (message: { status: EmailStatus; kind: EmailKind }) => message.status === "DEAD" && message.kind !== "EMAIL_VERIFICATION";
