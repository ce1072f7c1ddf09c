"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { handleDependentForm } from "@/app/dependent-form-handler";
import { DEPENDENT_TEXT_FIELDS, type DependentFormState } from "@/lib/schemas/dependent";
import { zNationalId } from "@/lib/schemas/fields";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { findBranchCitizen } from "@/lib/server/review/find-branch-citizen";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";

const ZCitizenLookup = z.object({ nationalId: zNationalId });

// One message for every reason (another branch, no account, not insured): the
// portal does not tell staff where else a person is insured.
const NO_ACCOUNT_HERE =
  "بیمه‌شده‌ای با این کد ملی در این شعبه حساب کاربری در سامانه ندارد. کد ملی را با کارت ملی او مقایسه کنید؛ اگر درست است، او باید ابتدا در سامانه ثبت‌نام کند یا به شعبه محل بیمه خود مراجعه کند.";
const NO_LONGER_HERE = "این بیمه‌شده دیگر در این شعبه حساب کاربری ندارد. از «ثبت حضوری» دوباره کد ملی او را جست‌وجو کنید.";

/** Officers and heads of a branch; anyone else on the staff gets not found, like the pages. */
async function requireFileWorker() {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  return staff;
}

/** Step 1 of «ثبت حضوری»: the insured person who came to the branch, by national ID. */
export async function findCitizenAction(_state: FormState<"nationalId">, formData: FormData): Promise<FormState<"nationalId">> {
  const staff = await requireFileWorker();
  const values = formValues(formData, ["nationalId"] as const);
  const parsed = ZCitizenLookup.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const citizen = await findBranchCitizen({ db: await getDb(), staff, nationalId: parsed.data.nationalId });
  if (!citizen) return { values, fieldErrors: { nationalId: NO_ACCOUNT_HERE } };
  redirect(`/staff/file-on-behalf/${citizen.nationalId}`);
}

/**
 * «اضافه کردن فرد جدید تحت پوشش» filed by branch staff for the citizen whose
 * national ID is bound by the page. The citizen is looked up again here: the
 * bound value is only a hint, and the officer's branch decides. The request
 * records the officer (filedByStaffId, a STAFF first event) and the audit log
 * gets a FILE_ON_BEHALF row.
 */
export async function fileOnBehalfAction(
  citizenNationalId: string,
  _state: DependentFormState,
  formData: FormData,
): Promise<DependentFormState> {
  const staff = await requireFileWorker();
  const nationalId = zNationalId.safeParse(citizenNationalId);
  if (!nationalId.success) notFound();
  const db = await getDb();
  const citizen = await findBranchCitizen({ db, staff, nationalId: nationalId.data });
  if (!citizen) return { values: { ...formValues(formData, DEPENDENT_TEXT_FIELDS), step: "check" }, fieldErrors: {}, formError: NO_LONGER_HERE };

  const outcome = await handleDependentForm({ citizenId: citizen.id, filedByStaffId: staff.accountId, formData });
  if (!("filed" in outcome)) return outcome;
  // enrolDependent wrote the FILE_ON_BEHALF audit row in the request's own transaction.
  redirect(`/staff/requests/${outcome.filed.requestId}?filed=1`);
}
