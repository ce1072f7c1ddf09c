"use server";

import { notFound } from "next/navigation";
import { fieldErrorsOf, formValues, type FormState } from "@/lib/schemas/form-state";
import { ZMandateAtBranch } from "@/lib/schemas/mandate";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { recordMandateAtBranch } from "@/lib/server/mandates/record-mandate-at-branch";
import { canWorkOnFiles } from "@/lib/server/review/staff-access";

const FIELDS = ["helperNationalId", "principalNationalId", "months", "seenDocuments"] as const;

/** «ثبت نمایندگی در شعبه»: an officer or head records the consent given in person. */
export async function recordMandateAction(_state: FormState, formData: FormData): Promise<FormState> {
  const staff = await requireStaff();
  if (!canWorkOnFiles(staff)) notFound();
  const values = { ...formValues(formData, FIELDS), scopes: formData.getAll("scopes").join(",") };
  const parsed = ZMandateAtBranch.safeParse({
    helperNationalId: formData.get("helperNationalId"),
    principalNationalId: formData.get("principalNationalId"),
    scopes: formData.getAll("scopes"),
    months: formData.get("months"),
    seenDocuments: formData.get("seenDocuments") ?? undefined,
  });
  if (!parsed.success) return { values, fieldErrors: fieldErrorsOf(parsed.error) };
  const { seenDocuments: _seen, ...input } = parsed.data;
  const result = await recordMandateAtBranch({ db: await getDb(), staffId: staff.accountId, ...input });
  if (result.ok) {
    return { values: {}, fieldErrors: {}, notice: `نمایندگی ${result.helperName} برای ${result.principalName} ثبت شد و به ${result.principalName} پیامک شد.` };
  }
  switch (result.reason) {
    case "SAME_PERSON":
      return { values, fieldErrors: { principalNationalId: "کد ملی نماینده و کسی که برایش کار می‌کند یکی است." } };
    case "ALREADY_ACTIVE":
      return { values, fieldErrors: {}, formError: "این نمایندگی هم‌اکنون فعال است. برای تغییر کارها یا مدت، نخست یکی از دو نفر آن را در سامانه لغو کند." };
    case "NO_ACCOUNT":
      return result.who === "helper"
        ? { values, fieldErrors: { helperNationalId: "نماینده در سامانه حساب کاربری ندارد. نخست باید در سامانه ثبت‌نام کند." } }
        : { values, fieldErrors: { principalNationalId: "این فرد در سامانه حساب کاربری ندارد. نخست باید در سامانه ثبت‌نام کند." } };
  }
}
