"use client";

import { useActionState, useEffect, useState } from "react";
import type { FormState } from "@/lib/schemas/form-state";
import { toPersianDigits } from "@/lib/utils/digits";

/**
 * "Send the code again". Without JavaScript the server says how long to wait;
 * with it, the button shows the seconds left and works once allowed.
 */
export function ResendCodeForm({
  action,
  resendAt,
}: {
  action: (state: FormState, formData: FormData) => Promise<FormState>;
  resendAt: string;
}) {
  const [state, formAction, pending] = useActionState(action, { values: {}, fieldErrors: {} });
  // null until hydrated: the server HTML shows an always-enabled button.
  const [now, setNow] = useState<number | null>(null);
  useEffect(() => {
    const first = setTimeout(() => setNow(Date.now()), 0);
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => {
      clearTimeout(first);
      clearInterval(timer);
    };
  }, []);
  const waitUntil = Date.parse(state.retryAt ?? resendAt);
  const secondsLeft = now === null ? 0 : Math.max(0, Math.ceil((waitUntil - now) / 1000));

  return (
    <form action={formAction} className="space-y-2">
      <div aria-live="polite" className="space-y-1">
        {state.notice ? <p className="font-bold text-success">{state.notice}</p> : null}
        {state.formError ? <p className="font-bold text-danger">{state.formError}</p> : null}
      </div>
      <button
        type="submit"
        aria-disabled={secondsLeft > 0 || pending}
        onClick={(event) => {
          if (secondsLeft > 0 || pending) event.preventDefault();
        }}
        className="min-h-11 rounded border-2 border-brand-700 px-4 font-bold text-brand-700 aria-disabled:border-muted aria-disabled:text-muted"
      >
        ارسال دوباره کد
      </button>
      {secondsLeft > 0 ? <p className="text-muted">{toPersianDigits(secondsLeft)} ثانیه تا امکان ارسال دوباره</p> : null}
    </form>
  );
}
