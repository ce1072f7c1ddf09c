"use server";

import { fieldErrorsOf, formValues } from "@/lib/schemas/form-state";
import { ZTrackingLookup, type TrackingLookupField, type TrackingLookupState } from "@/lib/schemas/tracking-lookup";
import { getDb } from "@/lib/server/db/prisma";
import { lookupRequestStatus } from "@/lib/server/requests/lookup-request-status";
import { getRequestIp } from "@/lib/server/request-ip";
import { formatTehranDateTime } from "@/lib/utils/jalali";

const FIELDS: readonly TrackingLookupField[] = ["trackingCode", "nationalId"];

/**
 * The public status check. No session on purpose: the tracking code and the
 * applicant's national ID together are the credential, and the use case limits
 * attempts per network and returns nothing but status, kind and due date.
 */
export async function lookupRequestStatusAction(_state: TrackingLookupState, formData: FormData): Promise<TrackingLookupState> {
  const values = formValues(formData, FIELDS);
  const parsed = ZTrackingLookup.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const result = await lookupRequestStatus({ db: await getDb(), ...parsed.data, ip: await getRequestIp() });
  if ("locked" in result) {
    return {
      values,
      fieldErrors: {},
      formError: `جست‌وجوهای کد رهگیری از شبکه شما بیش از حد مجاز بوده است. از ${formatTehranDateTime(result.until)} دوباره تلاش کنید.`,
      retryAt: result.until.toISOString(),
    };
  }
  if (!result.found) return { values, fieldErrors: {}, result: { found: false } };
  return {
    values,
    fieldErrors: {},
    result: {
      found: true,
      status: result.status,
      kind: result.kind,
      dueAt: result.dueAt?.toISOString() ?? null,
      workingDaysLeft: result.workingDaysLeft,
    },
  };
}
