"use server";

import { redirect } from "next/navigation";
import type { DependentFormState } from "@/lib/schemas/dependent";
import { requireCitizen } from "@/lib/server/auth/require-citizen";
import { handleDependentForm } from "@/app/dependent-form-handler";

/** «اضافه کردن فرد جدید تحت پوشش» as the citizen files it for themselves. */
export async function dependentAction(_state: DependentFormState, formData: FormData): Promise<DependentFormState> {
  const user = await requireCitizen();
  const outcome = await handleDependentForm({ citizenId: user.accountId, formData });
  if (!("filed" in outcome)) return outcome;
  redirect(`/account/requests/${outcome.filed.requestId}?filed=1`);
}
