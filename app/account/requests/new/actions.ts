"use server";

import { redirect } from "next/navigation";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { MAX_DOCUMENT_BYTES, ZQuestion } from "@/lib/schemas/question";
import { requireCitizen } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { fileQuestion } from "@/lib/server/requests/file-question";
import { storeDocument, type DocumentProblem } from "@/lib/server/requests/store-document";

const FIELDS = ["domain", "subject", "body", "submissionId"] as const;

const DOCUMENT_PROBLEM_MESSAGE: Record<DocumentProblem, string> = {
  EMPTY: "فایل پیوست خالی است. فایل دیگری انتخاب کنید.",
  TOO_LARGE: "حجم فایل پیوست بیش از ۵ مگابایت است. فایل کوچک‌تری انتخاب کنید.",
  WRONG_TYPE: "فایل پیوست باید PDF، JPEG یا PNG باشد.",
  DAMAGED: "فایل پیوست ناقص است یا چیزی غیر از تصویر یا سند در آن پنهان است. فایل را دوباره ذخیره یا اسکن کنید و بفرستید.",
  BAD_NAME: "نام فایل پیوست بیش از حد طولانی است یا نویسه‌های نامعتبر دارد. نام فایل را کوتاه و ساده کنید.",
};

export async function fileQuestionAction(_state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireCitizen();
  const values = formValues(formData, FIELDS);
  const parsed = ZQuestion.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };

  const storage = getFileStorage();
  const file = formData.get("attachment");
  let attachment = null;
  if (file instanceof File && file.size > 0) {
    const stored = await storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES });
    if (!stored.ok) return { values, fieldErrors: { attachment: DOCUMENT_PROBLEM_MESSAGE[stored.problem] } };
    attachment = stored.document;
  }
  const result = await fileQuestion({ db: await getDb(), storage, citizenId: user.accountId, question: parsed.data, attachment });
  redirect(`/account/requests/${result.requestId}?filed=1`);
}
