import { z } from "zod";
import { MAX_SLOT_CAPACITY } from "@/lib/domain/branch-visits";
import { toAsciiDigits, toPersianDigits } from "@/lib/utils/digits";

const slotId = z.uuid({ error: "یکی از نوبت‌های آزاد را انتخاب کنید." });
const visitId = z.uuid({ error: "نوبت پیدا نشد." });

/** Booking: the slot chosen on the list of free ones. */
export const ZVisitBooking = z.object({ slotId });

/** Moving a booked visit to another slot. */
export const ZVisitMove = z.object({ visitId, slotId });

/** Cancelling a booked visit. */
export const ZVisitCancel = z.object({ visitId });

/** Staff mark a booked visitor arrived or absent. */
export const ZVisitMark = z.object({ visitId, outcome: z.enum(["ARRIVED", "NO_SHOW"]) });

/** A head opens a day: how many people each slot of it takes (0 closes it to new bookings). */
export const ZVisitCapacity = z.object({
  day: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "روز را از فهرست انتخاب کنید." }),
  perSlot: z.preprocess(
    (v) => (typeof v === "string" ? toAsciiDigits(v).trim() : v),
    z
      .string()
      .regex(/^\d{1,3}$/, { error: "ظرفیت هر نوبت را با عدد بنویسید، مثلاً ۵." })
      .transform(Number)
      .refine((n) => n <= MAX_SLOT_CAPACITY, { error: `ظرفیت هر نوبت حداکثر ${toPersianDigits(MAX_SLOT_CAPACITY)} نفر است.` }),
  ),
});
