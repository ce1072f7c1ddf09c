import "server-only";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import type { DocumentKind } from "@/lib/dependents/documents";
import { documentChecklist } from "@/lib/dependents/document-checklist";
import { isAppError } from "@/lib/errors";
import { DEPENDENT_TEXT_FIELDS, documentFieldName, stagedFieldName, ZDependentAnswers, type TCheckedDependent as CheckedDependent } from "@/lib/schemas/dependent";
import { chosenFile, fieldErrorsOf, formValues } from "@/lib/schemas/form-state";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { getDb } from "@/lib/server/db/prisma";
import type { Applicant } from "@/lib/server/requests/applicant";
import { storeDocument, type DocumentProblem } from "@/lib/server/requests/store-document";
import { discardStoredFile } from "@/lib/server/uploads/discard-stored-file";
import { findStagedUpload } from "@/lib/server/uploads/staged-uploads";
import { checkDependent, type DependentCheck } from "./check-dependent";
import { enrolDependent, type EnrolDocument } from "./enrol-dependent";

type Values = Record<string, string>;

/**
 * What became of one post of «اضافه کردن فرد جدید تحت پوشش», in codes: the
 * route words it (app/dependent-form-state.ts). `values` are the answers as
 * typed, for the form to show again.
 */
export type DependentFormOutcome =
  /** Back to step A: «ویرایش اطلاعات», or answers that do not parse (the schema's messages). */
  | { kind: "edit"; values: Values; fieldErrors: Partial<Record<string, string>> }
  | { kind: "registry-unavailable"; values: Values }
  | { kind: "refused"; values: Values; refusal: Exclude<DependentCheck, { ok: true }> }
  /** Step B: what the registry confirmed and the checklist to upload. */
  | { kind: "checked"; values: Values; checked: CheckedDependent }
  /**
   * Step B again: a document missing or refused. `kept`: documents sent ahead that
   * stay for the next post; `chooseAgain`: files chosen in this post that were
   * fine but not kept (they go with the next post).
   */
  | {
      kind: "documents";
      values: Values;
      checked: CheckedDependent;
      problems: Partial<Record<DocumentKind, DocumentProblem | "MISSING">>;
      kept: DocumentKind[];
      chooseAgain: DocumentKind[];
    }
  | { kind: "filed"; requestId: string; created: boolean };

/**
 * Both steps of «اضافه کردن فرد جدید تحت پوشش», chosen by the hidden `step`
 * field: "check" asks the civil registry and returns the checklist; "enrol"
 * files the request through enrolDependent, which checks everything again
 * itself (the hidden fields of step B are not trusted) and, once the check
 * passed, has the documents of its checklist read and stored here. One post,
 * one check: two civil-registry look-ups (applicant and dependent).
 *
 * Shared by the citizen's own form and the branch form filed on a person's
 * behalf (with or without an online account: a walk-in cannot send documents
 * ahead, since those belong to an account). Not a server action ("server-only", no "use server"): the caller has
 * already decided whose request this is; each caller authenticates, then
 * redirects once the request is filed.
 */
export async function submitDependentForm({
  applicant,
  filedByStaffId = null,
  formData,
}: {
  applicant: Applicant;
  filedByStaffId?: string | null;
  formData: FormData;
}): Promise<DependentFormOutcome> {
  const values = formValues(formData, DEPENDENT_TEXT_FIELDS) as Values;
  const stepA = { ...values, step: "check" };
  // «ویرایش اطلاعات»: back to step A with the answers as typed.
  if (formData.get("edit")) return { kind: "edit", values: stepA, fieldErrors: {} };

  const parsed = ZDependentAnswers.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { kind: "edit", values: stepA, fieldErrors: fieldErrorsOf(parsed.error) };
  const answers = parsed.data;
  const db = await getDb();
  const stepB = { ...values, step: "enrol" };

  try {
    if (answers.step === "check") {
      const check = await checkDependent({ db, applicant, ...answers });
      if (!check.ok) return { kind: "refused", values: stepA, refusal: check };
      const checked: CheckedDependent = {
        firstName: check.dependent.firstName,
        lastName: check.dependent.lastName,
        fatherName: check.dependent.fatherName,
        duplicate: check.duplicate?.kind ?? null,
        checklist: documentChecklist({ relationship: answers.relationship, rule: check.rule, declared: answers.declared }),
      };
      return { kind: "checked", values: stepB, checked };
    }

    const storage = getFileStorage();
    // Each document comes as a file in the form, or (JavaScript, upload progress
    // shown) as the token of a file sent ahead to /account/uploads by this citizen.
    const collectDocuments = async (checked: CheckedDependent) => {
      const problems: Partial<Record<DocumentKind, DocumentProblem | "MISSING">> = {};
      type Source = { kind: DocumentKind; file: File } | { kind: DocumentKind; token: string };
      const sources = checked.checklist.flatMap((item): Source[] => {
        const field = documentFieldName(item.kind);
        const file = chosenFile(formData, field);
        if (file) return [{ kind: item.kind, file }];
        const token = applicant.citizenId ? formData.get(stagedFieldName(field)) : null;
        if (typeof token === "string" && token) return [{ kind: item.kind, token }];
        if (item.required) problems[item.kind] = "MISSING";
        return [];
      });
      const documents: EnrolDocument[] = [];
      const storedHere: string[] = [];
      if (Object.keys(problems).length === 0) {
        for (const source of sources) {
          if ("token" in source) {
            const stored = await findStagedUpload({ db, citizenId: applicant.citizenId!, token: source.token });
            if (stored) documents.push({ kind: source.kind, stored, stagedToken: source.token });
            else problems[source.kind] = "MISSING";
            continue;
          }
          const uploader = filedByStaffId ? { kind: "staff" as const, id: filedByStaffId } : { kind: "citizen" as const, id: applicant.citizenId! };
          const result = await storeDocument({ storage, file: source.file, maxBytes: MAX_DOCUMENT_BYTES, quota: { db, uploader } });
          if (result.ok) {
            documents.push({ kind: source.kind, stored: result.document });
            storedHere.push(result.document.key);
          } else problems[source.kind] = result.problem;
        }
      }
      if (Object.keys(problems).length > 0) {
        // Files sent ahead stay with their PendingUpload row for the next post; those of this post go.
        await Promise.all(storedHere.map((key) => discardStoredFile(storage, key)));
        return { ok: false as const, problems, kept: documents.filter((d) => d.stagedToken && !problems[d.kind]).map((d) => d.kind) };
      }
      return { ok: true as const, documents };
    };

    // Filed or refused, enrolDependent has taken every token (filed with the request, or its file deleted).
    const result = await enrolDependent({ db, storage, applicant, input: answers, documents: collectDocuments, filedByStaffId });
    if (result.ok) return { kind: "filed", requestId: result.requestId, created: result.created };
    if ("refusal" in result) return { kind: "refused", values: stepA, refusal: result.refusal };
    if ("documentProblems" in result) {
      const problems = result.documentProblems;
      const chooseAgain = result.checked.checklist
        .map((item) => item.kind)
        .filter((kind) => !problems[kind] && !result.keptDocuments.includes(kind) && chosenFile(formData, documentFieldName(kind)) !== null);
      return { kind: "documents", values: stepB, checked: result.checked, problems, kept: result.keptDocuments, chooseAgain };
    }
    const missing = Object.fromEntries(result.missingDocuments.map((kind) => [kind, "MISSING" as const]));
    return { kind: "documents", values: stepB, checked: result.checked, problems: missing, kept: [], chooseAgain: [] };
  } catch (error) {
    if (isAppError(error, "REGISTRY_UNAVAILABLE")) return { kind: "registry-unavailable", values: stepA };
    throw error;
  }
}
