import "server-only";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { documentChecklist, type DocumentKind } from "@/lib/dependents/documents";
import { isAppError } from "@/lib/errors";
import { DEPENDENT_TEXT_FIELDS, documentFieldName, stagedFieldName, ZDependentAnswers, type DependentFormState } from "@/lib/schemas/dependent";
import { fieldErrorsOf, formValues } from "@/lib/schemas/form-state";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { getDb } from "@/lib/server/db/prisma";
import { checkDependent } from "@/lib/server/dependents/check-dependent";
import { enrolDependent } from "@/lib/server/dependents/enrol-dependent";
import { storeDocument, type StoredDocument } from "@/lib/server/requests/store-document";
import { findStagedUpload } from "@/lib/server/uploads/staged-uploads";
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

  // Each document comes as a file in the form, or (JavaScript, upload progress
  // shown) as the token of a file sent ahead to /account/uploads by this citizen.
  const fieldErrors: Record<string, string> = {};
  type Source = { kind: DocumentKind; file: File } | { kind: DocumentKind; token: string };
  const sources = checked.checklist.flatMap((item): Source[] => {
    const field = documentFieldName(item.kind);
    const file = formData.get(field);
    if (file instanceof File && file.size > 0) return [{ kind: item.kind, file }];
    const token = formData.get(stagedFieldName(field));
    if (typeof token === "string" && token) return [{ kind: item.kind, token }];
    if (item.required) fieldErrors[field] = documentProblemMessage(item.kind, "MISSING");
    return [];
  });
  const storage = getFileStorage();
  const documents: { kind: DocumentKind; stored: StoredDocument; stagedToken?: string }[] = [];
  const storedHere: string[] = [];
  if (Object.keys(fieldErrors).length === 0) {
    for (const source of sources) {
      if ("token" in source) {
        const stored = await findStagedUpload({ db, citizenId, token: source.token });
        if (stored) documents.push({ kind: source.kind, stored, stagedToken: source.token });
        else fieldErrors[documentFieldName(source.kind)] = documentProblemMessage(source.kind, "MISSING");
        continue;
      }
      const result = await storeDocument({ storage, file: source.file, maxBytes: MAX_DOCUMENT_BYTES });
      if (result.ok) {
        documents.push({ kind: source.kind, stored: result.document });
        storedHere.push(result.document.key);
      } else fieldErrors[documentFieldName(source.kind)] = documentProblemMessage(source.kind, result.problem);
    }
  }
  if (Object.keys(fieldErrors).length > 0) {
    await Promise.all(storedHere.map((key) => storage.delete(key).catch(() => undefined)));
    return { values: stepB, fieldErrors, checked, notice: "فایل‌ها را دوباره انتخاب کنید؛ به دلیل خطا، هیچ فایلی ذخیره نشد." };
  }

  // Filed or refused, enrolDependent has taken every token (filed with the request, or its file deleted).
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
