"use client";

import { useActionState, type ReactNode } from "react";
import { ErrorSummary } from "@/components/forms/error-summary";
import { SubmitButton } from "@/components/forms/submit-button";
import { REJECTION_REASONS, REJECTION_REASON_CODES } from "@/lib/domain/decision-reasons";
import type { FormState } from "@/lib/schemas/form-state";
import { FieldError } from "@/components/forms/field-error";

type Action = (state: FormState, formData: FormData) => Promise<FormState>;
type DecisionType = "APPROVE" | "REJECT" | "RETURN" | "ANSWER";

const TITLES: Record<DecisionType, string> = {
  APPROVE: "تأیید درخواست",
  REJECT: "رد درخواست",
  RETURN: "برگشت برای تکمیل مدارک",
  ANSWER: "پاسخ به پرسش",
};

function NoteField({ prefix, state, label, required }: { prefix: string; state: FormState; label: string; required?: boolean }) {
  const id = `${prefix}-note`;
  const error = state.fieldErrors[id];
  return (
    <div className={`space-y-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>
      <label htmlFor={id} className="block font-bold">
        {label}
      </label>
      <FieldError field={id} error={error} />
      <textarea
        id={id}
        name="note"
        rows={3}
        maxLength={2000}
        required={required}
        defaultValue={state.values.note ?? ""}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        className="block w-full rounded border-2 border-ink bg-white p-3"
      />
    </div>
  );
}

/** One decision as its own form: the officer sees what each choice asks for, with or without JavaScript. */
function DecisionForm({
  type,
  action,
  version,
  pagePath,
  fieldOrder,
  children,
}: {
  type: DecisionType;
  action: Action;
  version: string;
  pagePath: string;
  fieldOrder: string[];
  children: (state: FormState) => ReactNode;
}) {
  const prefix = type.toLowerCase();
  // Without JavaScript the form posts to the page at this form's heading, so the answer opens
  // where the officer was. Each form's own address also tells React which of the three forms an
  // answer belongs to (otherwise it hashes each form's place in the tree on every render).
  const [state, formAction] = useActionState(action, { values: {}, fieldErrors: {} }, `${pagePath}#${prefix}-title`);
  return (
    <section aria-labelledby={`${prefix}-title`} className="space-y-4 rounded border-2 border-brand-100 p-4">
      <h3 id={`${prefix}-title`}>{TITLES[type]}</h3>
      <form action={formAction} noValidate className="space-y-4">
        <ErrorSummary fieldErrors={state.fieldErrors} formError={state.formError} fieldOrder={fieldOrder.map((f) => `${prefix}-${f}`)} />
        <input type="hidden" name="decision" value={type} />
        <input type="hidden" name="version" value={version} />
        {children(state)}
        <SubmitButton>{TITLES[type]}</SubmitButton>
      </form>
    </section>
  );
}

export function DecisionForms({
  decisions,
  action,
  version,
  pagePath,
  documentChoices,
}: {
  decisions: readonly DecisionType[];
  action: Action;
  version: string;
  /** The request page's path, without its query: where each form posts without JavaScript. */
  pagePath: string;
  /** What may be asked for on return (the dependent's checklist), by kind. */
  documentChoices: { kind: string; label: string }[];
}) {
  return (
    <div className="space-y-6">
      {decisions.includes("APPROVE") ? (
        <DecisionForm type="APPROVE" action={action} version={version} pagePath={pagePath} fieldOrder={["note"]}>
          {(state) => (
            <>
              <p>با تأیید، فرد تحت تکفل از امروز تحت پوشش قرار می‌گیرد و به متقاضی پیامک می‌شود.</p>
              <NoteField prefix="approve" state={state} label="توضیح برای متقاضی (اختیاری)" />
            </>
          )}
        </DecisionForm>
      ) : null}
      {decisions.includes("ANSWER") ? (
        <DecisionForm type="ANSWER" action={action} version={version} pagePath={pagePath} fieldOrder={["answer"]}>
          {(state) => {
            const error = state.fieldErrors["answer-answer"];
            return (
              <div className={`space-y-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>
                <label htmlFor="answer-answer" className="block font-bold">
                  متن پاسخ
                </label>
                <p id="answer-answer-hint" className="text-sm text-muted">
                  پاسخ در صفحه درخواست به متقاضی نمایش داده می‌شود و به او پیامک می‌شود که پاسخ آماده است.
                </p>
                <FieldError field="answer-answer" error={error} />
                <textarea
                  id="answer-answer"
                  name="answer"
                  rows={6}
                  maxLength={4000}
                  defaultValue={state.values.answer ?? ""}
                  aria-invalid={error ? true : undefined}
                  aria-describedby={["answer-answer-hint", error ? "answer-answer-error" : null].filter(Boolean).join(" ")}
                  className="block w-full rounded border-2 border-ink bg-white p-3"
                />
              </div>
            );
          }}
        </DecisionForm>
      ) : null}
      {decisions.includes("RETURN") ? (
        <DecisionForm type="RETURN" action={action} version={version} pagePath={pagePath} fieldOrder={["documents", "note"]}>
          {(state) => {
            const error = state.fieldErrors["return-documents"];
            const chosen = new Set((state.values.documents ?? "").split(",").filter(Boolean));
            return (
              <>
                {documentChoices.length > 0 ? (
                  <fieldset
                    id="return-documents"
                    className={`space-y-2 ${error ? "border-s-4 border-danger ps-3" : ""}`}
                    aria-describedby={error ? "return-documents-error" : undefined}
                  >
                    <legend className="font-bold">کدام مدارک لازم است؟</legend>
                    <FieldError field="return-documents" error={error} />
                    {documentChoices.map((doc) => (
                      <label key={doc.kind} className="flex min-h-11 items-center gap-2">
                        <input type="checkbox" name="documents" value={doc.kind} defaultChecked={chosen.has(doc.kind)} className="size-6" />
                        {doc.label}
                      </label>
                    ))}
                  </fieldset>
                ) : (
                  <FieldError field="return-documents" error={error} />
                )}
                <NoteField prefix="return" state={state} label="توضیح برای متقاضی" />
                <p className="text-sm text-muted">تا وقتی متقاضی مدارک را نفرستد، مهلت پاسخ‌گویی متوقف می‌ماند.</p>
              </>
            );
          }}
        </DecisionForm>
      ) : null}
      {decisions.includes("REJECT") ? (
        <DecisionForm type="REJECT" action={action} version={version} pagePath={pagePath} fieldOrder={["reason", "note"]}>
          {(state) => {
            const error = state.fieldErrors["reject-reason"];
            return (
              <>
                <div className={`space-y-1 ${error ? "border-s-4 border-danger ps-3" : ""}`}>
                  <label htmlFor="reject-reason" className="block font-bold">
                    دلیل رد
                  </label>
                  <FieldError field="reject-reason" error={error} />
                  <select
                    id="reject-reason"
                    name="reason"
                    defaultValue={state.values.reason ?? ""}
                    aria-invalid={error ? true : undefined}
                    aria-describedby={error ? "reject-reason-error" : undefined}
                    className="block min-h-12 w-full max-w-xl rounded border-2 border-ink bg-white px-3"
                  >
                    <option value="">انتخاب کنید</option>
                    {REJECTION_REASON_CODES.map((code) => (
                      <option key={code} value={code}>
                        {REJECTION_REASONS[code].label}
                      </option>
                    ))}
                  </select>
                </div>
                <NoteField prefix="reject" state={state} label="توضیح برای متقاضی" />
              </>
            );
          }}
        </DecisionForm>
      ) : null}
    </div>
  );
}
