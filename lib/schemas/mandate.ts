import { z } from "zod";
import { MANDATE_MONTHS, MANDATE_SCOPES } from "@/lib/domain/mandates";
import { zNationalId, zOneTimeCode } from "./fields";

/** «درخواست نمایندگی»: whose file, what it covers, for how long. */
export const ZMandateRequest = z.object({
  principalNationalId: zNationalId,
  scopes: z
    .array(z.enum(MANDATE_SCOPES), { error: "دست‌کم یکی از کارها را انتخاب کنید." })
    .min(1, "دست‌کم یکی از کارها را انتخاب کنید."),
  months: z.preprocess(
    (value) => Number(value),
    z
      .number()
      .refine((months): months is (typeof MANDATE_MONTHS)[number] => (MANDATE_MONTHS as readonly number[]).includes(months), "مدت نمایندگی را انتخاب کنید."),
  ),
});
export type MandateRequestInput = z.infer<typeof ZMandateRequest>;

export const ZMandateConsent = z.object({ code: zOneTimeCode });

/** «ثبت نمایندگی در شعبه»: both people in front of the officer. */
export const ZMandateAtBranch = ZMandateRequest.omit({ principalNationalId: true }).extend({
  helperNationalId: zNationalId,
  principalNationalId: zNationalId,
  seenDocuments: z.literal("on", { error: "تأیید کنید که کارت ملی یا شناسنامه هر دو نفر را دیده‌اید." }),
});
