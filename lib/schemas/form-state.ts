import type { z } from "zod";

/**
 * What an action returns to its form: the values as typed (so nothing is lost),
 * one message per field, and an optional message for the whole form.
 */
export type FormState<Field extends string = string> = {
  values: Partial<Record<Field, string>>;
  fieldErrors: Partial<Record<Field, string>>;
  formError?: string;
  /** A confirmation that is not an error (e.g. "a new code was sent"). */
  notice?: string;
  /** When the action may be tried again (ISO time), for a countdown. */
  retryAt?: string;
};

/** The typed values of a form, minus secrets, to send back with errors. */
export function formValues<Field extends string>(
  formData: FormData,
  fields: readonly Field[],
  secret: readonly Field[] = [],
): Partial<Record<Field, string>> {
  const values: Partial<Record<Field, string>> = {};
  for (const field of fields) {
    const value = formData.get(field);
    if (typeof value === "string" && !secret.includes(field)) values[field] = value;
  }
  return values;
}

/** The first message of each field, keyed by field name. */
export function fieldErrorsOf<Field extends string>(error: z.ZodError): Partial<Record<Field, string>> {
  const errors: Partial<Record<Field, string>> = {};
  for (const issue of error.issues) {
    const field = String(issue.path[0] ?? "") as Field;
    if (field && !errors[field]) errors[field] = issue.message;
  }
  return errors;
}

/**
 * The file a person chose in a form's file input, or null when they chose none.
 * A browser sends an input left empty as a nameless file of zero bytes (a server
 * action's multipart parser names it "undefined"); a file that is itself empty
 * keeps its name, and is returned so that it is refused as empty rather than
 * taken for "no file chosen" (or silently dropped).
 */
export function chosenFile(formData: FormData, field: string): File | null {
  const value = formData.get(field);
  if (!(value instanceof File)) return null;
  const nameless = value.name === "" || value.name === "undefined";
  return value.size > 0 || !nameless ? value : null;
}
