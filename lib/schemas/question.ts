import { z } from "zod";
import { normalizeWrittenText } from "@/lib/utils/digits";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "./safe-text";

const asString = (value: unknown) => (typeof value === "string" ? value : "");

/** Free text: Arabic letters folded, digits as typed, line breaks kept (collapsed to at most one blank line). */
function normalizeLongText(raw: string): string {
  return raw
    .replace(/\r\n?/g, "\n")
    .split("\n")
    .map((line) => normalizeWrittenText(line))
    .join("\n")
    .replace(/\n{3,}/g, "\n\n")
    .trim();
}

export const ZQuestion = z.object({
  domain: z.enum(["INSURANCE", "MEDICAL"], { error: "حوزه پرسش را انتخاب کنید: بیمه‌ای یا درمانی." }),
  subject: z.preprocess(
    (value) => normalizeWrittenText(asString(value)),
    z.string().refine(isSafeText, UNSAFE_TEXT_MESSAGE).min(1, "موضوع را بنویسید.").min(5, "موضوع باید دست‌کم ۵ نویسه باشد.").max(120, "موضوع نمی‌تواند بیش از ۱۲۰ نویسه باشد."),
  ),
  body: z.preprocess(
    (value) => normalizeLongText(asString(value)),
    z
      .string()
      .refine(isSafeText, UNSAFE_TEXT_MESSAGE)
      .min(1, "متن پرسش یا درخواست را بنویسید.")
      .min(20, "متن را کامل‌تر بنویسید (دست‌کم ۲۰ نویسه) تا کارشناس بتواند پاسخ دهد.")
      .max(4000, "متن نمی‌تواند بیش از ۴۰۰۰ نویسه باشد. آن را کوتاه‌تر کنید یا توضیحات را پیوست کنید."),
  ),
  submissionId: z.uuid("فرم نامعتبر است. صفحه را دوباره باز کنید."),
});
export type TQuestion = z.infer<typeof ZQuestion>;

export const MAX_DOCUMENT_BYTES = 5 * 1024 * 1024;
