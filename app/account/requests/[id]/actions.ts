"use server";

import { redirect } from "next/navigation";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { isAppError } from "@/lib/errors";
import { chosenFile, type FormState } from "@/lib/schemas/form-state";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { resubmitRequest } from "@/lib/server/requests/resubmit-request";
import { storeDocument, type StoredDocument } from "@/lib/server/requests/store-document";
import { isSafeText, UNSAFE_TEXT_MESSAGE } from "@/lib/schemas/safe-text";
import { documentProblemMessage } from "@/app/document-problem-message";
import { discardStoredFile } from "@/lib/server/uploads/discard-stored-file";

const SLOTS = ["document1", "document2", "document3"] as const;

/** The applicant sends the documents a returned request asked for. */
export async function resubmitAction(requestId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const { owner, helper } = await requireCitizenFile("VIEW");
  const storage = getFileStorage();
  const note = String(formData.get("note") ?? "").trim().slice(0, 1000);
  if (!isSafeText(note)) return { values: { note: "" }, fieldErrors: { note: UNSAFE_TEXT_MESSAGE } };
  const db = await getDb();
  const stored: StoredDocument[] = [];
  const discard = () => Promise.all(stored.map((d) => discardStoredFile(storage, d.key)));
  for (const slot of SLOTS) {
    const file = chosenFile(formData, slot);
    if (!file) continue;
    const result = await storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES, quota: { db, uploader: { kind: "citizen", id: owner.accountId } } });
    if (!result.ok) {
      await discard();
      return { values: { note }, fieldErrors: { [slot]: documentProblemMessage(result.problem, slot === "document1" ? "مدرک اول" : slot === "document2" ? "مدرک دوم" : "مدرک سوم") } };
    }
    stored.push(result.document);
  }
  if (stored.length === 0) {
    return { values: { note }, fieldErrors: { document1: "دست‌کم یک فایل از مدارک خواسته‌شده را انتخاب کنید." } };
  }
  try {
    await resubmitRequest({
      db,
      storage,
      citizenId: owner.accountId,
      helper,
      requestId,
      note,
      documents: stored.map((document) => ({ kind: "ATTACHMENT", stored: document })),
    });
  } catch (error) {
    if (isAppError(error, "FORBIDDEN")) {
      return { values: { note }, fieldErrors: {}, formError: "نمایندگی شما فرستادن مدارک این درخواست را در بر نمی‌گیرد." };
    }
    if (isAppError(error, "CONFLICT")) {
      return { values: {}, fieldErrors: {}, formError: "این درخواست دیگر منتظر مدارک نیست؛ صفحه را دوباره باز کنید." };
    }
    if (isAppError(error, "NOT_FOUND")) redirect("/account/requests");
    throw error;
  }
  redirect(`/account/requests/${requestId}?resubmitted=1`);
}
