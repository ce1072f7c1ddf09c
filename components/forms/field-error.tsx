/**
 * A field's error, between its label (and hint) and its input: its id is
 * `<field>-error`, which the input names in `aria-describedby`, so a screen
 * reader reads it with the field, and it begins with «خطا:» for those who
 * cannot see its colour. Nothing when there is no error.
 */
export function FieldError({ field, error }: { field: string; error?: string | null }) {
  if (!error) return null;
  return (
    <p id={`${field}-error`} className="font-bold text-danger">
      <span className="sr-only">خطا: </span>
      {error}
    </p>
  );
}
