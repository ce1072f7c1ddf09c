import { z } from "zod";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "./safe-text";
import { REJECTION_REASON_CODES } from "@/lib/domain/decision-reasons";
import { STAFF_REQUEST_KINDS } from "@/lib/domain/request-kinds";
import { DOCUMENT_KINDS } from "@/lib/dependents/documents";
import { normalizeDigitsInput } from "@/lib/utils/digits";
import { isValidNationalId } from "@/lib/utils/national-id";
import { parseTrackingCode } from "@/lib/utils/tracking-code";

// The staff queue's filters arrive in the URL (a GET form, so they work without
// JavaScript and can be bookmarked). Anything unknown falls back to the default
// rather than failing the page.
export const QUEUE_KINDS = STAFF_REQUEST_KINDS;
export const QUEUE_STATUSES = ["SUBMITTED", "IN_REVIEW", "RETURNED"] as const;
export const QUEUE_SORTS = ["due", "newest"] as const;

const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) => z.enum(values).optional().catch(undefined);
const flag = z
  .string()
  .optional()
  .transform((v) => v === "1")
  .catch(false);

export const ZQueueFilters = z.object({
  kind: optionalEnum(QUEUE_KINDS),
  status: optionalEnum(QUEUE_STATUSES),
  overdue: flag,
  mine: flag,
  unassigned: flag,
  sort: z.enum(QUEUE_SORTS).catch("due").default("due"),
  /** A tracking code or a national ID (applicant's or dependent's), typed in any digits; anything else is refused by isSearchable. */
  q: z
    .string()
    .optional()
    .transform((v) => (v ? normalizeDigitsInput(v).slice(0, 20) : undefined))
    .catch(undefined),
  after: z.string().max(200).optional().catch(undefined),
});

export type TQueueFilters = z.output<typeof ZQueueFilters>;

/**
 * Why a search text cannot find anything, in Persian, or null when it may: it must
 * be ten digits (NUL and bad UTF-8 included are refused here), and ten digits whose
 * check digit fits neither a tracking code (Damm) nor a national ID are a typing
 * mistake, said as such rather than answered with an empty list.
 */
export function queueSearchProblem(q: string): string | null {
  if (!/^\d{10}$/.test(q)) return "کد رهگیری یا کد ملی باید ده رقم باشد.";
  if (parseTrackingCode(q) === null && !isValidNationalId(q)) {
    return "این شماره نه کد رهگیری درستی است و نه کد ملی درستی (رقم کنترل آن نمی‌خواند). رقم‌ها را دوباره بررسی کنید.";
  }
  return null;
}

const version = z.iso.datetime({ message: "این صفحه قدیمی است؛ آن را دوباره باز کنید." });
const note = z.string().trim().refine(isSafeText, UNSAFE_TEXT_MESSAGE).max(2000, "توضیح حداکثر ۲۰۰۰ نویسه است.").optional();

export const ZDecisionForm = z.discriminatedUnion("decision", [
  z.object({ decision: z.literal("APPROVE"), version, note }),
  z
    .object({
      decision: z.literal("REJECT"),
      version,
      reason: z.enum(REJECTION_REASON_CODES as [string, ...string[]], { message: "دلیل رد درخواست را انتخاب کنید." }),
      note,
    })
    .refine((v) => v.reason !== "OTHER" || (v.note && v.note.length >= 10), {
      path: ["note"],
      message: "برای «دلیل دیگر» توضیحی دست‌کم ۱۰ نویسه‌ای بنویسید.",
    }),
  z.object({
    decision: z.literal("RETURN"),
    version,
    documents: z.array(z.enum(DOCUMENT_KINDS)).default([]),
    note,
  }).refine((v) => v.documents.length > 0 || (v.note && v.note.length >= 10), {
    path: ["documents"],
    message: "مدارکی را که لازم است انتخاب کنید یا در توضیح بنویسید.",
  }),
  z.object({
    decision: z.literal("ANSWER"),
    version,
    answer: z.string().trim().refine(isSafeText, UNSAFE_TEXT_MESSAGE).min(10, "پاسخ دست‌کم ۱۰ نویسه باشد.").max(4000, "پاسخ حداکثر ۴۰۰۰ نویسه است."),
  }),
]);

export type TDecisionForm = z.output<typeof ZDecisionForm>;
export const DECISION_FIELDS = ["decision", "reason", "note", "answer", "documents"] as const;
export type DecisionField = (typeof DECISION_FIELDS)[number];
