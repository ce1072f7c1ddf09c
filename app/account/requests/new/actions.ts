"use server";

import { redirect } from "next/navigation";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { chosenFile, fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { MAX_DOCUMENT_BYTES, ZQuestion } from "@/lib/schemas/question";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { fileQuestion } from "@/lib/server/requests/file-question";
import { storeDocument } from "@/lib/server/requests/store-document";
import { documentProblemMessage } from "@/app/document-problem-message";

const FIELDS = ["domain", "subject", "body", "submissionId"] as const;


export async function fileQuestionAction(_state: FormState, formData: FormData): Promise<FormState> {
  const { owner, helper } = await requireCitizenFile("FILE_QUESTIONS");
  const values = formValues(formData, FIELDS);
  const parsed = ZQuestion.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const storage = getFileStorage();
  const db = await getDb();
  const file = chosenFile(formData, "attachment");
  let attachment = null;
  if (file) {
    const stored = await storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES, quota: { db, uploader: { kind: "citizen", id: owner.accountId } } });
    if (!stored.ok) return { values, fieldErrors: { attachment: documentProblemMessage(stored.problem, "پیوست") } };
    attachment = stored.document;
  }
  const result = await fileQuestion({ db, storage, citizenId: owner.accountId, helper, question: parsed.data, attachment });
  redirect(`/account/requests/${result.requestId}?filed=1`);
}
