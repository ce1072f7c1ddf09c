"use client";

import { useActionState } from "react";
import { DefinitionList } from "@/components/definition-list";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { TextField } from "@/components/forms/text-field";
import type { TrackingLookupState } from "@/lib/schemas/tracking-lookup";
import { DeadlineText } from "./deadline-text";
import { KIND_LABEL } from "./labels";
import { StatusBadge } from "./status-badge";

const FIELD_ORDER = ["trackingCode", "nationalId"];

/**
 * The public status check: the form, and under it the answer (GOV.UK style) in
 * a live region, so a screen reader hears it without moving away from the form.
 * Works as a plain form post without JavaScript.
 */
export function TrackForm({
  action,
  initialTrackingCode,
}: {
  action: (state: TrackingLookupState, formData: FormData) => Promise<TrackingLookupState>;
  /** From the receipt's QR code. */
  initialTrackingCode?: string;
}) {
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} });
  const result = state.result;
  return (
    <div className="space-y-8">
      <form action={formAction} noValidate className="space-y-6">
        <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={FIELD_ORDER} />
        <TextField
          name="trackingCode"
          label="کد رهگیری"
          hint="ده رقم؛ روی رسید درخواست و در پیامک ثبت درخواست آمده است."
          inputMode="numeric"
          autoComplete="off"
          maxLength={24}
          spellCheck={false}
          ltr
          defaultValue={state.values.trackingCode ?? initialTrackingCode ?? ""}
          error={state.fieldErrors.trackingCode}
        />
        <TextField
          name="nationalId"
          label="کد ملی"
          hint="کد ملی کسی که درخواست را ثبت کرده است."
          inputMode="numeric"
          autoComplete="off"
          maxLength={14}
          spellCheck={false}
          ltr
          defaultValue={state.values.nationalId ?? ""}
          error={state.fieldErrors.nationalId}
        />
        <SubmitButton>پیگیری</SubmitButton>
      </form>

      <div aria-live="polite">
        {result?.found ? (
          <section aria-labelledby="result-heading" className="space-y-3 border-s-4 border-success p-4">
            <h2 id="result-heading">وضعیت درخواست</h2>
            <DefinitionList
              items={[
                { label: "وضعیت", value: <StatusBadge status={result.status} /> },
                { label: "نوع", value: KIND_LABEL[result.kind] },
                {
                  label: "موعد پاسخ",
                  value: <DeadlineText dueAt={result.dueAt ? new Date(result.dueAt) : null} workingDaysLeft={result.workingDaysLeft} />,
                },
              ]}
            />
            <p className="text-muted">برای دیدن متن درخواست، پاسخ کارشناس و مدارک، وارد سامانه شوید و به «درخواست‌های من» بروید.</p>
          </section>
        ) : result ? (
          <section aria-labelledby="result-heading" className="space-y-2 border-s-4 border-danger p-4">
            <h2 id="result-heading">درخواستی پیدا نشد</h2>
            <p>درخواستی با این کد رهگیری و کد ملی پیدا نشد.</p>
            <p>کد رهگیری را از رسید یا پیامک ثبت درخواست دوباره بخوانید و کد ملی کسی را بنویسید که درخواست را ثبت کرده است.</p>
          </section>
        ) : null}
      </div>
    </div>
  );
}
