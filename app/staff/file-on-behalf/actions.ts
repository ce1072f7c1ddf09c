"use server";

import { notFound, redirect } from "next/navigation";
import { z } from "zod";
import { dependentFormState } from "@/app/dependent-form-state";
import { DEPENDENT_TEXT_FIELDS, type DependentFormState } from "@/lib/schemas/dependent";
import { zBirthDate, zMobile, zNationalId } from "@/lib/schemas/fields";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { submitDependentForm } from "@/lib/server/dependents/submit-dependent-form";
import { findBranchApplicant, isLookupUnavailable } from "@/lib/server/review/find-branch-applicant";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";
import { onBehalfPath, type OnBehalfPerson } from "./on-behalf-path";

const LOOKUP_FIELDS = ["nationalId", "birthDate", "mobile"] as const;
type LookupField = (typeof LOOKUP_FIELDS)[number];

const ZApplicantLookup = z.object({
  nationalId: zNationalId,
  birthDate: zBirthDate,
  // Optional: a walk-in without a phone still gets a request (and the tracking code on paper).
  mobile: z.preprocess((value) => (value === null || (typeof value === "string" && value.trim() === "") ? undefined : value), zMobile.optional()),
});

// One message for every reason (another branch, not insured, a birth date that
// does not match): the portal does not tell staff where else a person is insured.
const NOT_HERE =
  "بیمه‌شده یا مستمری‌بگیری با این کد ملی و تاریخ تولد در این شعبه پیدا نشد. هر دو را با کارت ملی او مقایسه کنید؛ اگر درست است، او باید به شعبه محل بیمه خود مراجعه کند.";
const MOBILE_NOT_THEIRS =
  "این شماره همراه به نام این بیمه‌شده ثبت نشده است، پس کد رهگیری به آن پیامک نمی‌شود. شماره‌ای را بنویسید که به نام خود اوست، یا این خانه را خالی بگذارید و کد رهگیری را روی کاغذ به او بدهید.";
const REGISTRY_UNAVAILABLE = "سامانه ثبت احوال یا اپراتور تلفن همراه اکنون پاسخ نمی‌دهد. چند دقیقه دیگر دوباره «ادامه» را بزنید؛ آنچه نوشته‌اید می‌ماند.";
const NO_LONGER_HERE = "این فرد دیگر بیمه‌شده این شعبه نیست یا مشخصاتش تغییر کرده است. از «ثبت حضوری» دوباره کد ملی او را جست‌وجو کنید.";

/** Officers and heads of a branch; anyone else on the staff gets not found, like the pages. */
async function requireFileWorker() {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  return staff;
}

/**
 * Step 1 of «ثبت حضوری»: the insured person or pensioner who came to the
 * branch, by the national ID and birth date on their card (and, for someone
 * without an online account, a mobile of their own for the tracking code).
 */
export async function findApplicantAction(_state: FormState<LookupField>, formData: FormData): Promise<FormState<LookupField>> {
  const staff = await requireFileWorker();
  const values = formValues(formData, LOOKUP_FIELDS);
  const parsed = ZApplicantLookup.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const person: OnBehalfPerson = { nationalId: parsed.data.nationalId, birthDate: parsed.data.birthDate, mobile: parsed.data.mobile ?? null };
  let lookup;
  try {
    lookup = await findBranchApplicant({ db: await getDb(), staff, ...person });
  } catch (error) {
    if (isLookupUnavailable(error)) return { values, fieldErrors: {}, formError: REGISTRY_UNAVAILABLE };
    throw error;
  }
  if (!lookup.found) {
    return lookup.reason === "MOBILE_NOT_THEIRS" ? { values, fieldErrors: { mobile: MOBILE_NOT_THEIRS } } : { values, fieldErrors: { nationalId: NOT_HERE } };
  }
  redirect(onBehalfPath(person));
}

/**
 * «اضافه کردن فرد جدید تحت پوشش» filed by branch staff for the person found in
 * step 1 (bound by the page). The person is looked up again here: the bound
 * values are only a hint, and the officer's branch decides. The request
 * records the officer (filedByStaffId, a STAFF first event) and the audit log
 * gets a FILE_ON_BEHALF row.
 */
export async function fileOnBehalfAction(person: OnBehalfPerson, _state: DependentFormState, formData: FormData): Promise<DependentFormState> {
  const staff = await requireFileWorker();
  const bound = ZApplicantLookup.safeParse(person);
  if (!bound.success) notFound();
  const values = { ...formValues(formData, DEPENDENT_TEXT_FIELDS), step: "check" };
  let lookup;
  try {
    lookup = await findBranchApplicant({ db: await getDb(), staff, ...bound.data, mobile: bound.data.mobile ?? null });
  } catch (error) {
    if (isLookupUnavailable(error)) return dependentFormState({ kind: "registry-unavailable", values });
    throw error;
  }
  if (!lookup.found) return { values, fieldErrors: {}, formError: NO_LONGER_HERE };

  const outcome = await submitDependentForm({ applicant: lookup.applicant, filedByStaffId: staff.accountId, formData });
  if (outcome.kind !== "filed") return dependentFormState(outcome);
  // enrolDependent wrote the FILE_ON_BEHALF audit row in the request's own transaction.
  redirect(`/staff/requests/${outcome.requestId}?filed=1`);
}
