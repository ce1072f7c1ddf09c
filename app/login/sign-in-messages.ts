import type { SignInResult } from "@/lib/server/auth/sign-in";
import { formatTehranDateTime } from "@/lib/utils/jalali";

const MINUTE = 60_000;

/** The form error for a failed sign-in; `invalid` names the form's own identifier. */
export function signInFailureMessage(failure: Extract<SignInResult, { ok: false }>, invalid: string): string {
  if (failure.reason === "INVALID") return invalid;
  // Times are shown to the minute: round up, so the time shown is never before the lock ends.
  const time = formatTehranDateTime(new Date(Math.ceil(failure.until.getTime() / MINUTE) * MINUTE));
  return failure.lockedBy === "ACCOUNT"
    ? `به دلیل چند تلاش ناموفق، ورود با این حساب تا ${time} ممکن نیست.`
    : `تعداد تلاش‌های ورود از این شبکه بیش از حد مجاز است. لطفاً پس از ${time} دوباره تلاش کنید.`;
}
