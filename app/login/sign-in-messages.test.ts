import { describe, expect, it } from "vitest";
import { signInFailureMessage } from "./sign-in-messages";

const INVALID = "کد ملی یا گذرواژه درست نیست.";

describe("signInFailureMessage", () => {
  it("uses the form's own message for a wrong identifier or password", () => {
    expect(signInFailureMessage({ ok: false, reason: "INVALID" }, INVALID)).toBe(INVALID);
  });

  it("names the end of an account lock in Tehran time, rounded up to the minute", () => {
    // 11:00:20 UTC is 14:30:20 in Tehran; shown as 14:31, never before the lock ends.
    const until = new Date("2026-11-26T11:00:20Z");
    expect(signInFailureMessage({ ok: false, reason: "LOCKED", lockedBy: "ACCOUNT", until }, INVALID)).toBe(
      "به دلیل چند تلاش ناموفق، ورود با این حساب تا ۵ آذر ۱۴۰۵، ساعت ۱۴:۳۱ ممکن نیست.",
    );
  });

  it("tells a locked network when to try again", () => {
    const until = new Date("2026-11-26T11:00:00Z");
    expect(signInFailureMessage({ ok: false, reason: "LOCKED", lockedBy: "NETWORK", until }, INVALID)).toBe(
      "تعداد تلاش‌های ورود از این شبکه بیش از حد مجاز است. لطفاً پس از ۵ آذر ۱۴۰۵، ساعت ۱۴:۳۰ دوباره تلاش کنید.",
    );
  });
});
