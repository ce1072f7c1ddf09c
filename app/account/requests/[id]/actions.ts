"use server";

import { redirect } from "next/navigation";
import { getFileStorage } from "@/lib/adapters/storage/get-file-storage";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/schemas/form-state";
import { MAX_DOCUMENT_BYTES } from "@/lib/schemas/question";
import { requireCitizen } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { resubmitRequest } from "@/lib/server/requests/resubmit-request";
import { storeDocument, type StoredDocument } from "@/lib/server/requests/store-document";
import { documentProblemMessage } from "@/app/document-problem-message";

const SLOTS = ["document1", "document2", "document3"] as const;

/** The applicant sends the documents a returned request asked for. */
export async function resubmitAction(requestId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireCitizen();
  const storage = getFileStorage();
  const note = String(formData.get("note") ?? "").trim().slice(0, 1000);
  const stored: StoredDocument[] = [];
  const discard = () => Promise.all(stored.map((d) => storage.delete(d.key).catch(() => undefined)));
  for (const slot of SLOTS) {
    const file = formData.get(slot);
    if (!(file instanceof File) || file.size === 0) continue;
    const result = await storeDocument({ storage, file, maxBytes: MAX_DOCUMENT_BYTES });
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
      db: await getDb(),
      storage,
      citizenId: user.accountId,
      requestId,
      note,
      documents: stored.map((document) => ({ kind: "ATTACHMENT", stored: document })),
    });
  } catch (error) {
    if (isAppError(error, "CONFLICT")) {
      return { values: {}, fieldErrors: {}, formError: "این درخواست دیگر منتظر مدارک نیست؛ صفحه را دوباره باز کنید." };
    }
    if (isAppError(error, "NOT_FOUND")) redirect("/account/requests");
    throw error;
  }
  redirect(`/account/requests/${requestId}?resubmitted=1`);
}
