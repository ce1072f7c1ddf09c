import type { SignInResult } from "@/lib/server/auth/sign-in";
import { formatTehranDateTime } from "@/lib/utils/jalali";

const MINUTE = 60_000;

/** The form error for a failed sign-in; `invalid` names the form's own identifier. */
export function signInFailureMessage(failure: Extract<SignInResult, { ok: false }>, invalid: string): string {
  if (failure.reason === "INVALID") return invalid;
  // Times are shown to the minute: round up, so the time shown is never before the lock ends.
  const time = formatTehranDateTime(new Date(Math.ceil(failure.until.getTime() / MINUTE) * MINUTE));
  switch (failure.lockedBy) {
    case "ACCOUNT":
      return `به دلیل چند تلاش ناموفق، ورود با این حساب تا ${time} ممکن نیست.`;
    case "EVERYWHERE":
      return `به دلیل تلاش‌های ناموفق ورود از چند شبکه، ورود با این حساب تا ${time} بسته است. با «باز کردن قفل با پیامک» کدی به شماره همراه ثبت‌شده‌تان بگیرید، یا از رئیس شعبه بخواهید قفل را باز کند.`;
    case "NETWORK":
      return `تعداد تلاش‌های ورود از این شبکه بیش از حد مجاز است. لطفاً پس از ${time} دوباره تلاش کنید.`;
  }
}

/** The second step's failures, for the code field. */
export function secondStepFailureMessage(failure: { reason: "WRONG" | "REUSED" | "EXPIRED" | "LOCKED"; until?: Date }): string {
  switch (failure.reason) {
    case "WRONG":
      return "کد درست نیست. کد شش‌رقمی کنونی برنامه احراز هویت (یا یکی از کدهای بازیابی) را وارد کنید.";
    case "REUSED":
      return "این کد یک بار به کار رفته است. چند ثانیه صبر کنید تا برنامه کد تازه‌ای نشان دهد و آن را وارد کنید.";
    case "EXPIRED":
      return "زمان این مرحله گذشته یا کد نادرست چند بار وارد شده است. دوباره با گذرواژه وارد شوید.";
    case "LOCKED":
      return `به دلیل چند کد نادرست، تا ${formatTehranDateTime(failure.until ?? new Date())} نمی‌توانید وارد شوید.`;
  }
}
