import { MANDATE_MONTHS, MANDATE_SCOPE_LABELS, MANDATE_SCOPES } from "@/lib/domain/mandates";
import { toPersianDigits } from "@/lib/utils/digits";
import { FieldError } from "@/components/forms/field-error";

/**
 * What a mandate covers and for how long: the scopes (checkboxes) and the length
 * (radios), as the helper's request and the branch's record both ask them. `values`
 * are the form's values as typed (scopes comma-joined), so nothing is lost on an error.
 */
export function MandateTermsFields({
  values,
  error,
  legends,
  defaultMonths,
}: {
  values: Partial<Record<string, string>>;
  error: Partial<Record<string, string>>;
  legends: { scopes: string; months: string };
  defaultMonths: string;
}) {
  const chosenScopes = (values.scopes ?? "VIEW").split(",");
  return (
    <>
      <fieldset className={`space-y-2 ${error.scopes ? "border-s-4 border-danger ps-3" : ""}`} aria-describedby={error.scopes ? "scopes-error" : undefined}>
        <legend className="text-lg font-bold">{legends.scopes}</legend>
        <FieldError field="scopes" error={error.scopes} />
        {MANDATE_SCOPES.map((scope, index) => (
          <label key={scope} className="flex min-h-11 items-center gap-3">
            <input type="checkbox" name="scopes" value={scope} id={index === 0 ? "scopes" : undefined} defaultChecked={chosenScopes.includes(scope)} className="size-6" />
            {MANDATE_SCOPE_LABELS[scope]}
          </label>
        ))}
      </fieldset>
      <fieldset className={`space-y-2 ${error.months ? "border-s-4 border-danger ps-3" : ""}`} aria-describedby={error.months ? "months-error" : undefined}>
        <legend className="text-lg font-bold">{legends.months}</legend>
        <FieldError field="months" error={error.months} />
        {MANDATE_MONTHS.map((months, index) => (
          <label key={months} className="flex min-h-11 items-center gap-3">
            <input
              type="radio"
              name="months"
              value={months}
              id={index === 0 ? "months" : undefined}
              defaultChecked={(values.months ?? defaultMonths) === String(months)}
              className="size-6"
            />
            {months === 12 ? "یک سال" : `${toPersianDigits(months)} ماه`}
          </label>
        ))}
      </fieldset>
    </>
  );
}
