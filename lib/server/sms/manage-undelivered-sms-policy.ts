// Who sees the messages the gateway did not take and sends them again: pure policy.
import type { SmsKind, SmsStatus, StaffRole } from "@/lib/generated/prisma/enums";

/** The administrator runs the system, its outbox included; branch staff do not. */
export const canManageUndeliveredSms = (actor: { role: StaffRole }) => actor.role === "ADMIN";

/**
 * Only a message given up on is sent again by hand (a FAILED one is still being
 * retried), and never a one-time code: it expired minutes after it was made, and
 * the person asks for a new one.
 */
export const canRetrySms = (message: { status: SmsStatus; kind: SmsKind | null }) => message.status === "DEAD" && message.kind !== "ONE_TIME_CODE";
