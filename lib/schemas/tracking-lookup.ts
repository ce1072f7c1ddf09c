import { z } from "zod";
import type { TRequestKind, TRequestStatus } from "@/lib/domain/requests";
import { zNationalId } from "@/lib/schemas/fields";
import type { FormState } from "@/lib/schemas/form-state";
import { normalizeDigitsInput } from "@/lib/utils/digits";
import { parseTrackingCode } from "@/lib/utils/tracking-code";

const asString = (value: unknown) => (typeof value === "string" ? value : "");

/** A tracking code as typed on a receipt or from an SMS; its check digit is verified before any look-up. */
export const zTrackingCode = z.preprocess(
  (value) => asString(value),
  z
    .string()
    .transform((raw, ctx) => {
      const code = parseTrackingCode(raw);
      if (!code) {
        const message = normalizeDigitsInput(raw) === "" ? "کد رهگیری را وارد کنید." : "کد رهگیری درست نیست؛ رقم‌ها را دوباره بررسی کنید.";
        ctx.addIssue({ code: "custom", message });
        return z.NEVER;
      }
      return code;
    }),
);

export const ZTrackingLookup = z.object({ trackingCode: zTrackingCode, nationalId: zNationalId });
export type TTrackingLookup = z.infer<typeof ZTrackingLookup>;

export type TrackingLookupField = "trackingCode" | "nationalId";

/** What the public status check shows: status, kind and due date, nothing else. */
export type TrackingLookupResult =
  | { found: true; status: TRequestStatus; kind: TRequestKind; dueAt: string | null; workingDaysLeft: number | null }
  | { found: false };

export type TrackingLookupState = FormState<TrackingLookupField> & { result?: TrackingLookupResult };
