// What a mandate may cover and for how long (docs/decisions/020-mandates.md).
// Pure rules, shared by the pages, the actions and the use cases.

export const MANDATE_SCOPES = ["VIEW", "FILE_QUESTIONS", "ENROL_DEPENDENTS", "BOOK_VISITS"] as const;
export type MandateScope = (typeof MANDATE_SCOPES)[number];

export const MANDATE_SCOPE_LABELS: Record<MandateScope, string> = {
  VIEW: "دیدن درخواست‌ها، افراد تحت تکفل و پیام‌ها",
  FILE_QUESTIONS: "ثبت پرسش",
  ENROL_DEPENDENTS: "افزودن افراد تحت تکفل",
  BOOK_VISITS: "نوبت مراجعه به شعبه (گرفتن، جابه‌جایی و لغو)",
};

/** The lengths a helper may ask for, in months; a mandate never runs longer than a year. */
export const MANDATE_MONTHS = [1, 3, 6, 12] as const;
export type MandateMonths = (typeof MANDATE_MONTHS)[number];
export const MAX_MANDATE_DAYS = 366;

/** The end of a mandate of `months` from `now`, never more than a year on. */
export function mandateEndsAt(now: Date, months: MandateMonths): Date {
  const end = new Date(now);
  end.setUTCMonth(end.getUTCMonth() + months);
  const latest = new Date(now.getTime() + MAX_MANDATE_DAYS * 24 * 3600 * 1000);
  return end.getTime() > latest.getTime() ? latest : end;
}

export type MandateState = "PENDING" | "ACTIVE" | "EXPIRED" | "REVOKED";

export const MANDATE_STATE_LABELS: Record<MandateState, string> = {
  PENDING: "در انتظار تأیید",
  ACTIVE: "فعال",
  EXPIRED: "پایان یافته",
  REVOKED: "لغو شده",
};

/** A mandate's state from its stored dates (grantedAt and revokedAt come from its events). */
export function mandateState(mandate: { grantedAt: Date | null; revokedAt: Date | null; endsAt: Date }, now: Date): MandateState {
  if (mandate.revokedAt) return "REVOKED";
  if (now.getTime() >= mandate.endsAt.getTime()) return "EXPIRED";
  return mandate.grantedAt ? "ACTIVE" : "PENDING";
}

/** The scopes listed as one Persian phrase: «ثبت پرسش و افزودن افراد تحت تکفل». */
export function scopesPhrase(scopes: readonly MandateScope[]): string {
  const labels = MANDATE_SCOPES.filter((scope) => scopes.includes(scope)).map((scope) => MANDATE_SCOPE_LABELS[scope]);
  if (labels.length <= 1) return labels.join("");
  return `${labels.slice(0, -1).join("، ")} و ${labels.at(-1)}`;
}
