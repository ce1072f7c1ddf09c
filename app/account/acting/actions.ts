"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { requireCitizen } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { openFile } from "@/lib/server/mandates/open-file";
import { isUuid } from "@/lib/utils/uuid";

/** «پرونده چه کسی باز باشد؟»: the helper's own file ("self") or a principal's under a live mandate. */
export async function openFileAction(formData: FormData): Promise<void> {
  const user = await requireCitizen();
  const choice = String(formData.get("file") ?? "");
  const mandateId = choice === "self" ? null : isUuid(choice) ? choice : undefined;
  if (mandateId === undefined) redirect("/account/acting?choose=1");
  const opened = await openFile({ db: await getDb(), sessionId: user.sessionId, helperId: user.accountId, mandateId });
  if (!opened) redirect("/account/acting?ended=1");
  revalidatePath("/account", "layout");
  redirect("/account");
}
