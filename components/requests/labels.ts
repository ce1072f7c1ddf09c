// Persian words for request kinds, statuses and history events.
import { REJECTION_REASONS } from "@/lib/domain/decision-reasons";
import type { TRequestDomain as RequestDomain, TRequestEventType as RequestEventType, TRequestKind as RequestKind, TRequestStatus as RequestStatus } from "@/lib/domain/requests";

export const KIND_LABEL: Record<RequestKind, string> = {
  REGISTRATION: "ثبت‌نام در سامانه",
  DEPENDENT_ENROLMENT: "نام‌نویسی فرد تحت تکفل",
  QUESTION: "پیگیری و پرسش",
};

export const DOMAIN_LABEL: Record<RequestDomain, string> = { INSURANCE: "بیمه‌ای", MEDICAL: "درمانی" };

export const STATUS_LABEL: Record<RequestStatus, string> = {
  SUBMITTED: "ثبت شده، در انتظار بررسی",
  IN_REVIEW: "در حال بررسی",
  RETURNED: "نیازمند اقدام شما",
  APPROVED: "تأیید شد",
  REJECTED: "رد شد",
  ANSWERED: "پاسخ داده شد",
  CLOSED: "بسته شد",
};

export const EVENT_LABEL: Record<RequestEventType, string> = {
  SUBMITTED: "درخواست ثبت شد",
  ASSIGNED: "کارشناس بررسی را آغاز کرد",
  RETURNED: "برای تکمیل مدارک به شما برگشت داده شد",
  RESUBMITTED: "مدارک تکمیلی ارسال شد",
  APPROVED: "درخواست تأیید شد",
  REJECTED: "درخواست رد شد",
  ANSWERED: "پاسخ داده شد",
  CLOSED: "درخواست بسته شد",
};

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
