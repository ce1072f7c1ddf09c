"use server";

import { notFound, redirect } from "next/navigation";
import { isAppError } from "@/lib/errors";
import type { FormState } from "@/lib/schemas/form-state";
import { ZDecisionForm } from "@/lib/schemas/review";
import { requireStaff } from "@/lib/server/auth/require-staff";
import { getDb } from "@/lib/server/db/prisma";
import { assignRequest, claimRequest } from "@/lib/server/review/claim-request";
import { decideRequest, type Decision } from "@/lib/server/review/decide-request";

const HELD = "این درخواست در دست کارشناس دیگری است. فقط کارشناسی که آن را برداشته می‌تواند درباره آن تصمیم بگیرد.";
const CHANGED =
  "این درخواست پس از باز شدن این صفحه تغییر کرده است (کسی آن را برداشته یا درباره آن تصمیم گرفته است). صفحه را دوباره باز کنید و سابقه را ببینید.";
const NOT_APPLICABLE = "این تصمیم برای این نوع درخواست ممکن نیست.";

/** Domain refusals as messages; anything else is a real error and goes to error.tsx. */
function refusal(error: unknown): string {
  if (isAppError(error, "NOT_FOUND")) notFound();
  if (isAppError(error, "FORBIDDEN")) return HELD;
  if (isAppError(error, "CONFLICT")) return CHANGED;
  if (isAppError(error, "INVALID_INPUT")) return NOT_APPLICABLE;
  throw error;
}

export async function claimAction(requestId: string, _state: FormState, _formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  try {
    await claimRequest({ db: await getDb(), staff: user, requestId });
  } catch (error) {
    return { values: {}, fieldErrors: {}, formError: refusal(error) };
  }
  redirect(`/staff/requests/${requestId}?done=claimed`);
}

export async function assignAction(requestId: string, _state: FormState<"assignee">, formData: FormData): Promise<FormState<"assignee">> {
  const user = await requireStaff();
  const assigneeId = String(formData.get("assignee") ?? "");
  const version = new Date(String(formData.get("version") ?? ""));
  if (!assigneeId) return { values: {}, fieldErrors: { assignee: "کارشناس را انتخاب کنید." } };
  if (Number.isNaN(version.getTime())) return { values: { assignee: assigneeId }, fieldErrors: {}, formError: CHANGED };
  try {
    await assignRequest({ db: await getDb(), staff: user, requestId, assigneeId, expectedVersion: version });
  } catch (error) {
    if (isAppError(error, "INVALID_INPUT")) return { values: {}, fieldErrors: { assignee: "این کارشناس در این شعبه نیست." } };
    if (isAppError(error, "FORBIDDEN")) notFound();
    return { values: { assignee: assigneeId }, fieldErrors: {}, formError: refusal(error) };
  }
  redirect(`/staff/requests/${requestId}?done=assigned`);
}

const DONE: Record<Decision["type"], string> = { APPROVE: "approved", REJECT: "rejected", RETURN: "returned", ANSWER: "answered" };

/**
 * Every decision form posts here with its `decision`. Field errors are keyed by
 * the form's field ids (`reject-reason`, `answer-answer`, …) so each form on the
 * page shows only its own.
 */
export async function decideAction(requestId: string, _state: FormState, formData: FormData): Promise<FormState> {
  const user = await requireStaff();
  const kind = String(formData.get("decision") ?? "").toLowerCase();
  const values = {
    note: String(formData.get("note") ?? ""),
    answer: String(formData.get("answer") ?? ""),
    reason: String(formData.get("reason") ?? ""),
    documents: formData.getAll("documents").map(String).join(","),
  };
  const parsed = ZDecisionForm.safeParse({
    decision: formData.get("decision"),
    version: formData.get("version"),
    reason: formData.get("reason") || undefined,
    note: formData.get("note") || undefined,
    answer: formData.get("answer") ?? "",
    documents: formData.getAll("documents").map(String),
  });
  if (!parsed.success) {
    const fieldErrors: Record<string, string> = {};
    let formError: string | undefined;
    for (const issue of parsed.error.issues) {
      const field = String(issue.path[0] ?? "");
      if (field === "version" || field === "decision" || !field) formError ??= issue.path[0] === "version" ? CHANGED : NOT_APPLICABLE;
      else fieldErrors[`${kind}-${field}`] ??= issue.message;
    }
    return { values, fieldErrors, formError };
  }
  const form = parsed.data;
  const decision: Decision =
    form.decision === "APPROVE"
      ? { type: "APPROVE", note: form.note }
      : form.decision === "REJECT"
        ? { type: "REJECT", reason: form.reason as Extract<Decision, { type: "REJECT" }>["reason"], note: form.note }
        : form.decision === "RETURN"
          ? { type: "RETURN", documents: form.documents, note: form.note }
          : { type: "ANSWER", answer: form.answer };
  try {
    await decideRequest({ db: await getDb(), staff: user, requestId, expectedVersion: new Date(form.version), decision });
  } catch (error) {
    return { values, fieldErrors: {}, formError: refusal(error) };
  }
  redirect(`/staff/requests/${requestId}?done=${DONE[decision.type]}`);
}
