import type { DependentCheck } from "@/lib/server/dependents/check-dependent";
import { DECLARED_FACT_QUESTIONS } from "@/lib/dependents/eligibility";
import { DOCUMENTS, type DocumentKind } from "@/lib/dependents/documents";
import { declaredFieldName, type DependentFormState } from "@/lib/schemas/dependent";
import type { DocumentProblem } from "@/lib/server/requests/store-document";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { documentProblemMessage as sharedDocumentProblemMessage } from "@/app/document-problem-message";

type Refusal = Exclude<DependentCheck, { ok: true }>;

export const REGISTRY_UNAVAILABLE_MESSAGE =
  "ارتباط با سازمان ثبت احوال برقرار نشد. چند دقیقه دیگر دوباره «دریافت اطلاعات از سازمان ثبت احوال» را بزنید.";

/** A refusal of the check, as the error summary and the fields show it. */
export function refusalState(refusal: Refusal): Pick<DependentFormState, "fieldErrors" | "formError" | "reasons"> {
  switch (refusal.reason) {
    case "NOT_IN_REGISTRY":
      return {
        fieldErrors: {},
        formError:
          "فردی با این کد ملی و تاریخ تولد در سازمان ثبت احوال پیدا نشد. کد ملی و تاریخ تولد را با شناسنامه او مقایسه کنید.",
      };
    case "APPLICANT_NOT_INSURED":
      return {
        fieldErrors: {},
        formError: "سابقه بیمه‌ای برای شما ثبت نشده است. فقط بیمه‌شدگان و مستمری‌بگیران می‌توانند فرد تحت تکفل اضافه کنند.",
      };
    case "WRONG_GENDER":
      return { fieldErrors: { relationship: refusal.message } };
    case "NOT_RELATED":
    case "DECEASED":
    case "SELF":
      return { fieldErrors: {}, formError: refusal.message };
    case "ALREADY_COVERED":
      return { fieldErrors: {}, formError: "این فرد هم‌اکنون تحت پوشش بیمه شماست و نیازی به درخواست دوباره نیست." };
    case "ALREADY_REQUESTED":
      return {
        fieldErrors: {},
        formError: `برای این فرد قبلاً درخواستی با کد رهگیری ${formatTrackingCode(refusal.trackingCode)} ثبت کرده‌اید که هنوز در جریان است. وضعیت آن را در «افراد تحت تکفل» ببینید.`,
      };
    case "INELIGIBLE":
      return {
        formError:
          refusal.missingDeclarations.length > 0
            ? "با اطلاعاتی که تاکنون داده‌اید، این فرد شرایط پوشش را ندارد. به پرسش‌های زیر پاسخ دهید و دوباره اطلاعات را دریافت کنید:"
            : "این فرد شرایط پوشش بیمه به‌عنوان فرد تحت تکفل شما را ندارد:",
        reasons: refusal.reasons,
        fieldErrors: Object.fromEntries(
          refusal.missingDeclarations.map((fact) => [declaredFieldName(fact), `به این پرسش پاسخ دهید: «${DECLARED_FACT_QUESTIONS[fact]}»`]),
        ),
      };
  }
}

export const documentProblemMessage = (kind: DocumentKind, problem: DocumentProblem | "MISSING"): string =>
  sharedDocumentProblemMessage(problem, DOCUMENTS[kind].label);
