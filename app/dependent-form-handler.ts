import "server-only";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { documentChecklist } from "@/lib/dependents/documents";
import { isAppError } from "@/lib/errors";
import { DEPENDENT_TEXT_FIELDS, documentFieldName, ZDependentAnswers, type DependentFormState } from "@/lib/schemas/dependent";
import { fieldErrorsOf, formValues } from "@/lib/schemas/form-state";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { getDb } from "@/lib/server/db/prisma";
import { checkDependent } from "@/lib/server/dependents/check-dependent";
import { enrolDependent } from "@/lib/server/dependents/enrol-dependent";
import { storeDocument, type StoredDocument } from "@/lib/server/requests/store-document";
import { documentProblemMessage, refusalState, REGISTRY_UNAVAILABLE_MESSAGE } from "./account/dependents/new/refusal-messages";

export type DependentFormOutcome = DependentFormState | { filed: { requestId: string; created: boolean } };

/**
 * Both steps of «اضافه کردن فرد جدید تحت پوشش», chosen by the hidden `step`
 * field: "check" asks the civil registry and returns the checklist; "enrol"
 * stores the documents and files the request. Step B checks everything again,
 * so its hidden fields need not be trusted.
 *
 * Shared by the citizen's own form and the branch form filed on a citizen's
 * behalf. Not a server action on purpose ("server-only", no "use server"): the
 * caller has already decided whose request this is, and each caller
 * authenticates, then redirects once the request is filed.
 */
export async function handleDependentForm({
  citizenId,
  filedByStaffId = null,
  formData,
}: {
  citizenId: string;
  filedByStaffId?: string | null;
  formData: FormData;
}): Promise<DependentFormOutcome> {
  const values = formValues(formData, DEPENDENT_TEXT_FIELDS);
  // «ویرایش اطلاعات»: back to step A with the answers as typed.
  if (formData.get("edit")) return { values: { ...values, step: "check" }, fieldErrors: {} };

  const parsed = ZDependentAnswers.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values: { ...values, step: "check" }, fieldErrors: fieldErrorsOf(parsed.error) };
  const answers = parsed.data;
  const db = await getDb();

  const check = await checkDependent({ db, citizenId, ...answers }).catch((error: unknown) => {
    if (isAppError(error, "REGISTRY_UNAVAILABLE")) return null;
    throw error;
  });
  if (!check) return { values: { ...values, step: "check" }, fieldErrors: {}, formError: REGISTRY_UNAVAILABLE_MESSAGE };
  if (!check.ok) return { values: { ...values, step: "check" }, ...refusalState(check) };
  const checked = {
    firstName: check.dependent.firstName,
    lastName: check.dependent.lastName,
    fatherName: check.dependent.fatherName,
    duplicate: check.duplicate?.kind ?? null,
    checklist: documentChecklist({ relationship: answers.relationship, rule: check.rule, declared: answers.declared }),
  };
  const stepB = { ...values, step: "enrol" };
  if (answers.step === "check") return { values: stepB, fieldErrors: {}, checked };

  const fieldErrors: Record<string, string> = {};
  const files = checked.checklist.flatMap((item) => {
    const file = formData.get(documentFieldName(item.kind));
    if (file instanceof File && file.size > 0) return [{ kind: item.kind, file }];
    if (item.required) fieldErrors[documentFieldName(item.kind)] = documentProblemMessage(item.kind, "MISSING");
    return [];
  });
  const storage = getFileStorage();
  const documents: { kind: (typeof files)[number]["kind"]; stored: StoredDocument }[] = [];
  if (Object.keys(fieldErrors).length === 0) {
    for (const { kind, file } of files) {
      const result = await storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES });
      if (result.ok) documents.push({ kind, stored: result.document });
      else fieldErrors[documentFieldName(kind)] = documentProblemMessage(kind, result.problem);
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    await Promise.all(documents.map((d) => storage.delete(d.stored.key).catch(() => undefined)));
    return { values: stepB, fieldErrors, checked, notice: "فایل‌ها را دوباره انتخاب کنید؛ به دلیل خطا، هیچ فایلی ذخیره نشد." };
  }

  const result = await enrolDependent({ db, storage, citizenId, input: answers, documents, filedByStaffId });
  if (!result.ok && "refusal" in result) return { values: { ...values, step: "check" }, ...refusalState(result.refusal) };
  if (!result.ok) {
    return {
      values: stepB,
      checked,
      fieldErrors: Object.fromEntries(result.missingDocuments.map((kind) => [documentFieldName(kind), documentProblemMessage(kind, "MISSING")])),
    };
  }
  return { filed: { requestId: result.requestId, created: result.created } };
}
