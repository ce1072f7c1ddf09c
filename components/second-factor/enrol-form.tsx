"use client";

import { useActionState } from "react";
import Link from "next/link";
import type { FormState } from "@/lib/schemas/form-state";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";

type EnrolState = FormState & { recoveryCodes?: string[] };

/**
 * The last step of enrolling an authenticator: its first code. Then the
 * recovery codes, shown this once, and the way on.
 */
export function EnrolForm({
  action,
  continueHref,
  continueLabel,
}: {
  action: (state: EnrolState, formData: FormData) => Promise<EnrolState>;
  continueHref: string;
  continueLabel: string;
}) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  if (state.recoveryCodes) {
    return (
      <section aria-labelledby="recovery-heading" className="space-y-4 rounded border-2 border-success p-4" role="status">
        <h2 id="recovery-heading">ورود دومرحله‌ای فعال شد: کدهای بازیابی را نگه دارید</h2>
        <p>
          اگر گوشی یا برنامه احراز هویت در دسترس نباشد، با یکی از این کدها به جای کد شش‌رقمی وارد می‌شوید. هر کد یک بار
          به کار می‌رود. آن‌ها را چاپ کنید یا در جای امنی بنویسید؛ دوباره نمایش داده نمی‌شوند.
        </p>
        <ol dir="ltr" className="grid grid-cols-2 gap-2 font-mono text-lg" aria-label="کدهای بازیابی">
          {state.recoveryCodes.map((code) => (
            <li key={code}>{code}</li>
          ))}
        </ol>
        <Link href={continueHref} className="inline-flex min-h-11 items-center rounded bg-brand-700 px-4 font-bold text-white no-underline hover:bg-brand-800 hover:text-white">
          {continueLabel}
        </Link>
      </section>
    );
  }
  return (
    <form action={formAction} noValidate className="space-y-6">
      <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={["code"]} />
      <TextField
        name="code"
        label="کد شش‌رقمی برنامه"
        hint="کدی که برنامه احراز هویت اکنون نشان می‌دهد"
        inputMode="numeric"
        autoComplete="one-time-code"
        maxLength={10}
        ltr
        spellCheck={false}
        defaultValue=""
        error={state.fieldErrors.code}
      />
      <SubmitButton>تأیید و فعال‌سازی</SubmitButton>
    </form>
  );
}
