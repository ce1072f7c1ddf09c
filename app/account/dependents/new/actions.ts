"use server";

import { redirect } from "next/navigation";
import type { DependentFormState } from "@/lib/schemas/dependent";
import { requireCitizenFile } from "@/lib/server/auth/require-citizen";
import { getDb } from "@/lib/server/db/prisma";
import { citizenApplicant } from "@/lib/server/requests/applicant";
import { submitDependentForm } from "@/lib/server/dependents/submit-dependent-form";
import { dependentFormState } from "@/app/dependent-form-state";

/** «اضافه کردن فرد جدید تحت پوشش» as the citizen files it for themselves. */
export async function dependentAction(_state: DependentFormState, formData: FormData): Promise<DependentFormState> {
  const { owner, helper } = await requireCitizenFile("ENROL_DEPENDENTS");
  const applicant = await citizenApplicant({ db: await getDb(), citizenId: owner.accountId, helper });
  const outcome = await submitDependentForm({ applicant, formData });
  if (outcome.kind !== "filed") return dependentFormState(outcome);
  redirect(`/account/requests/${outcome.requestId}?filed=1`);
}
