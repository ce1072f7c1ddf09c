// Persian words for request kinds, statuses and history events.
import { REJECTION_REASONS } from "@/lib/domain/decision-reasons";
import { ALL_REQUEST_KINDS, requestKindLabel } from "@/lib/domain/request-kinds";
import type { TRequestDomain as RequestDomain, TRequestEventType as RequestEventType, TRequestKind as RequestKind } from "@/lib/domain/requests";

/** From the request-kind registry (lib/domain/request-kinds.ts). */
export const KIND_LABEL = Object.fromEntries(ALL_REQUEST_KINDS.map((kind) => [kind, requestKindLabel(kind)])) as Record<RequestKind, string>;

export const DOMAIN_LABEL: Record<RequestDomain, string> = { INSURANCE: "بیمه‌ای", MEDICAL: "درمانی" };

// The status words live with the request vocabulary, so that the staff's CSV export says what the queue page says.
export { STAFF_STATUS_LABEL, STATUS_LABEL } from "@/lib/domain/request-statuses";

export const EVENT_LABEL: Record<RequestEventType, string> = {
  SUBMITTED: "درخواست ثبت شد",
  ASSIGNED: "کارشناس بررسی را آغاز کرد",
  RETURNED: "برای تکمیل مدارک به شما برگشت داده شد",
  RESUBMITTED: "مدارک تکمیلی ارسال شد",
  APPROVED: "درخواست تأیید شد",
  REJECTED: "درخواست رد شد",
  ANSWERED: "پاسخ داده شد",
  CLOSED: "درخواست بسته شد",
  DUE_DATE_MOVED: "مهلت پاسخ با اصلاح تقویم تعطیلات رسمی جابه‌جا شد",
};

/** The same events as staff read them. */
export const STAFF_EVENT_LABEL: Record<RequestEventType, string> = { ...EVENT_LABEL, RETURNED: "برای تکمیل مدارک به متقاضی برگشت داده شد" };

/** Why a request was refused or returned, in plain words (registration codes, staff templates). */
export const REASON_LABEL: Record<string, string> = {
  ...Object.fromEntries(Object.entries(REJECTION_REASONS).map(([code, reason]) => [code, reason.label])),
  MORE_DOCUMENTS: "مدارک بیشتری لازم است",
  IDENTITY_MISMATCH: "اطلاعات هویتی با سازمان ثبت احوال یکسان نبود",
  DECEASED: "کد ملی متعلق به فرد درگذشته است",
  MOBILE_NOT_OWNED: "شماره همراه به نام متقاضی نبود",
  NO_INSURANCE: "سابقه بیمه‌ای پیدا نشد",
  ALREADY_REGISTERED: "برای این کد ملی قبلاً حساب ساخته شده بود",
};
