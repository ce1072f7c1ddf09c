"use client";

import { useActionState, useEffect, useRef } from "react";
import { DefinitionList } from "@/components/definition-list";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { UploadStatus } from "@/components/forms/upload-status";
import { useUploadAhead, type UploadProgress } from "@/components/forms/use-upload-ahead";
import { TextField } from "@/components/forms/text-field";
import { DECLARED_FACT_QUESTIONS, DECLARED_FACTS } from "@/lib/dependents/eligibility";
import { isRelationship, RELATIONSHIP_LABELS, RELATIONSHIPS } from "@/lib/dependents/relationships";
import {
  declaredFieldName,
  documentFieldName,
  type DependentFormState,
  type TCheckedDependent,
} from "@/lib/schemas/dependent";
import { toPersianDigits } from "@/lib/utils/digits";
import { DocumentInput } from "./document-input";
import { FieldError } from "@/components/forms/field-error";

type Action = (state: DependentFormState, formData: FormData) => Promise<DependentFormState>;
type Values = DependentFormState["values"];
type Errors = DependentFormState["fieldErrors"];

const DECLARED_FIELDS = DECLARED_FACTS.map(declaredFieldName);

const DUPLICATE_MESSAGE: Record<NonNullable<TCheckedDependent["duplicate"]>, string> = {
  COVERED: "این فرد هم‌اکنون تحت پوشش بیمه‌شده دیگری است؛ درخواست شما برای بررسی به کارشناس شعبه فرستاده می‌شود.",
  REQUESTED: "برای این فرد درخواست دیگری ثبت شده است؛ درخواست شما برای بررسی به کارشناس شعبه فرستاده می‌شود.",
};

/**
 * «اضافه کردن فرد جدید تحت پوشش» on one page. Step A asks who the person is
 * and checks them with the civil registry; step B shows what the registry
 * confirmed, keeps the answers in hidden fields and asks for the documents.
 * A plain form post in both steps, so it works without JavaScript.
 */
export function DependentForm({ action, submissionId, uploadUrl }: { action: Action; submissionId: string; uploadUrl?: string }) {
  const [state, formAction] = useActionState(action, { values: { submissionId, step: "check" }, fieldErrors: {} });
  const upload = useUploadAhead(uploadUrl);
  const { reset } = upload;
  // A new answer from the server ends the upload shown.
  useEffect(() => reset(), [state, reset]);
  const checked = state.checked;
  const errors = state.fieldErrors;
  const fieldOrder = [
    "dependentNationalId",
    "dependentBirthDate",
    "relationship",
    ...DECLARED_FIELDS,
    ...(checked?.checklist.map((item) => documentFieldName(item.kind)) ?? []),
    "submissionId",
  ];
  return (
    <form action={formAction} onSubmit={upload.onSubmit} noValidate className="space-y-8">
      <ErrorSummary fieldErrors={errors} formError={state.formError} reasons={state.reasons} fieldOrder={fieldOrder} />
      <input type="hidden" name="submissionId" value={state.values.submissionId ?? submissionId} />
      <input type="hidden" name="step" value={checked ? "enrol" : "check"} />
      {checked ? (
        <StepDocuments key="documents" values={state.values} errors={errors} checked={checked} notice={state.notice} progress={upload.progress} />
      ) : (
        <StepPerson key="person" values={state.values} errors={errors} />
      )}
    </form>
  );
}

function StepPerson({ values, errors }: { values: Values; errors: Errors }) {
  const describedBy = (name: string) => [`${name}-hint`, errors[name] ? `${name}-error` : null].filter(Boolean).join(" ");
  return (
    <>
      <TextField
        name="dependentNationalId"
        label="کد ملی"
        hint="کد ملی ده‌رقمی فردی که می‌خواهید تحت پوشش بیمه شما قرار گیرد."
        inputMode="numeric"
        autoComplete="off"
        maxLength={14}
        ltr
        spellCheck={false}
        defaultValue={values.dependentNationalId ?? ""}
        error={errors.dependentNationalId}
      />
      <TextField
        name="dependentBirthDate"
        label="تاریخ تولد"
        hint="به تاریخ شمسی، به شکل سال/ماه/روز، مانند ۱۳۹۱/۰۷/۰۹."
        inputMode="numeric"
        autoComplete="off"
        maxLength={14}
        ltr
        spellCheck={false}
        defaultValue={values.dependentBirthDate ?? ""}
        error={errors.dependentBirthDate}
      />
      <fieldset
        className={`space-y-2 ${errors.relationship ? "border-s-4 border-danger ps-3" : ""}`}
        aria-describedby={describedBy("relationship")}
      >
        <legend className="text-lg font-bold">نسبت</legend>
        <p id="relationship-hint" className="text-muted">
          این فرد چه نسبتی با شما دارد؟
        </p>
        <FieldError field="relationship" error={errors.relationship} />
        {RELATIONSHIPS.map((relationship, index) => (
          <label key={relationship} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="relationship"
              id={index === 0 ? "relationship" : undefined}
              value={relationship}
              defaultChecked={values.relationship === relationship}
              className="size-6"
            />
            {RELATIONSHIP_LABELS[relationship]}
          </label>
        ))}
      </fieldset>

      <section aria-labelledby="declared-heading" className="space-y-4">
        <h2 id="declared-heading">اطلاعات تکمیلی (در صورت نیاز)</h2>
        <p className="text-muted">
          این پرسش‌ها فقط برای پسران ۱۸ تا ۲۰ ساله، افراد ازکارافتاده، دختران و پدر و مادر لازم است. اگر پاسخ به پرسشی لازم باشد، پس از دریافت
          اطلاعات به شما گفته می‌شود.
        </p>
        {DECLARED_FACTS.map((fact) => {
          const name = declaredFieldName(fact);
          return (
            <fieldset
              key={fact}
              className={`space-y-1 ${errors[name] ? "border-s-4 border-danger ps-3" : ""}`}
              aria-describedby={errors[name] ? `${name}-error` : undefined}
            >
              <legend className="font-bold">{DECLARED_FACT_QUESTIONS[fact]}</legend>
              <FieldError field={name} error={errors[name]} />
              <div className="flex flex-wrap gap-x-8">
                {[
                  { value: "yes", label: "بله" },
                  { value: "no", label: "خیر" },
                ].map((option, index) => (
                  <label key={option.value} className="flex min-h-11 items-center gap-3">
                    <input
                      type="radio"
                      name={name}
                      id={index === 0 ? name : undefined}
                      value={option.value}
                      defaultChecked={values[name] === option.value}
                      className="size-6"
                    />
                    {option.label}
                  </label>
                ))}
              </div>
            </fieldset>
          );
        })}
      </section>

      <SubmitButton>دریافت اطلاعات از سازمان ثبت احوال</SubmitButton>
    </>
  );
}

function StepDocuments({
  values,
  errors,
  checked,
  notice,
  progress,
}: {
  values: Values;
  errors: Errors;
  checked: TCheckedDependent;
  notice?: string;
  progress: UploadProgress | null;
}) {
  const headingRef = useRef<HTMLHeadingElement>(null);
  const hasErrors = Object.keys(errors).length > 0;
  useEffect(() => {
    // Moving on to step B in place: tell screen-reader users where they are.
    if (!hasErrors) headingRef.current?.focus();
  }, [hasErrors]);
  const relationship = values.relationship;
  const answered = DECLARED_FACTS.filter((fact) => values[declaredFieldName(fact)] === "yes" || values[declaredFieldName(fact)] === "no");
  const hidden = ["dependentNationalId", "dependentBirthDate", "relationship", ...DECLARED_FIELDS] as const;
  return (
    <>
      {hidden.map((name) => (values[name] ? <input key={name} type="hidden" name={name} value={values[name]} /> : null))}

      <section aria-labelledby="registry-heading" className="space-y-3">
        <h2 id="registry-heading" ref={headingRef} tabIndex={-1}>
          مشخصات از سازمان ثبت احوال
        </h2>
        <p className="inline-flex items-center gap-2 rounded border-2 border-success bg-white px-3 py-1 font-bold text-success">
          <span aria-hidden="true">✓</span>
          تأیید شده توسط سازمان ثبت احوال
        </p>
        <DefinitionList
          items={[
            { label: "نام", value: checked.firstName },
            { label: "نام خانوادگی", value: checked.lastName },
            { label: "نام پدر", value: checked.fatherName },
            { label: "کد ملی", value: <span dir="ltr">{toPersianDigits(values.dependentNationalId ?? "")}</span> },
            { label: "تاریخ تولد", value: <span dir="ltr">{toPersianDigits(values.dependentBirthDate ?? "")}</span> },
            { label: "نسبت", value: relationship && isRelationship(relationship) ? RELATIONSHIP_LABELS[relationship] : "—" },
            ...answered.map((fact) => ({
              label: DECLARED_FACT_QUESTIONS[fact],
              value: values[declaredFieldName(fact)] === "yes" ? "بله" : "خیر",
            })),
          ]}
        />
        {checked.duplicate ? (
          <p className="border-s-4 border-danger bg-brand-50 p-4 font-bold">
            <span className="sr-only">توجه: </span>
            {DUPLICATE_MESSAGE[checked.duplicate]}
          </p>
        ) : null}
        <button
          type="submit"
          name="edit"
          value="1"
          formNoValidate
          className="min-h-11 rounded border-2 border-brand-700 bg-white px-4 font-bold text-brand-700"
        >
          ویرایش اطلاعات
        </button>
      </section>

      <section aria-labelledby="documents-heading" className="space-y-5">
        <h2 id="documents-heading">مدارک</h2>
        <p className="text-muted">
          از هر مدرک یک فایل PDF، JPEG یا PNG تا ۵ مگابایت انتخاب کنید. اگر خطایی نمایش داده شد، پیام بالای فرم می‌گوید کدام فایل‌ها نگه داشته شد و کدام را باید دوباره انتخاب کنید.
        </p>
        {notice ? <p className="font-bold">{notice}</p> : null}
        {checked.checklist.map((item) => (
          <DocumentInput
            key={item.kind}
            name={documentFieldName(item.kind)}
            label={item.label}
            hint={item.hint}
            required={item.required}
            error={errors[documentFieldName(item.kind)]}
          />
        ))}
      </section>

      <UploadStatus progress={progress} />
      <SubmitButton>تایید و ادامه</SubmitButton>
    </>
  );
}
