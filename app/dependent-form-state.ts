// The Persian words of «اضافه کردن فرد جدید تحت پوشش», shared by the two
// routes that show the form (the citizen's own, and the branch filing on a
// citizen's behalf): lib/server/dependents/submit-dependent-form.ts answers in
// codes, and this turns them into the form state the page shows.
import type { DependentCheck } from "@/lib/server/dependents/check-dependent";
import type { DependentFormOutcome } from "@/lib/server/dependents/submit-dependent-form";
import { documentFieldName } from "@/lib/schemas/dependent";
import { DECLARED_FACT_QUESTIONS } from "@/lib/dependents/eligibility";
import { DOCUMENTS, type DocumentKind } from "@/lib/dependents/documents";
import { declaredFieldName, type DependentFormState } from "@/lib/schemas/dependent";
import type { DocumentProblem } from "@/lib/server/requests/store-document";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { formatTehranDateTime } from "@/lib/utils/jalali";
import { documentProblemMessage as sharedDocumentProblemMessage } from "@/app/document-problem-message";

type Refusal = Exclude<DependentCheck, { ok: true }>;

const REGISTRY_UNAVAILABLE_MESSAGE =
  "ارتباط با سازمان ثبت احوال برقرار نشد. چند دقیقه دیگر دوباره «دریافت اطلاعات از سازمان ثبت احوال» را بزنید.";

/** A refusal of the check, as the error summary and the fields show it. */
function refusalState(refusal: Refusal): Pick<DependentFormState, "fieldErrors" | "formError" | "reasons"> {
  switch (refusal.reason) {
    case "NO_SUCH_RELATIVE":
      return {
        fieldErrors: {},
        formError:
          "در سازمان ثبت احوال، از بستگان درجه یک شما (همسر، فرزند، پدر یا مادر) کسی با این کد ملی، تاریخ تولد و نسبت پیدا نشد. کد ملی، تاریخ تولد و نسبت را با شناسنامه او مقایسه کنید؛ اگر اطلاعات ثبت احوال نادرست است، ابتدا آن را در اداره ثبت احوال اصلاح کنید.",
      };
    case "LOCKED":
      return {
        fieldErrors: {},
        formError: `جست‌وجوهای ناموفق در ثبت احوال از حد مجاز گذشته است. از ${formatTehranDateTime(refusal.until)} دوباره تلاش کنید، یا با شناسنامه او به شعبه مراجعه کنید.`,
      };
    case "APPLICANT_NOT_INSURED":
      return {
        fieldErrors: {},
        formError: "سابقه بیمه‌ای برای شما ثبت نشده است. فقط بیمه‌شدگان و مستمری‌بگیران می‌توانند فرد تحت تکفل اضافه کنند.",
      };
    case "WRONG_GENDER":
      return { fieldErrors: { relationship: refusal.message } };
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

const documentProblemMessage = (kind: DocumentKind, problem: DocumentProblem | "MISSING"): string =>
  sharedDocumentProblemMessage(problem, DOCUMENTS[kind].label);

const quotedLabels = (kinds: DocumentKind[]) => kinds.map((kind) => `«${DOCUMENTS[kind].label}»`).join("، ");

/** After a refused document: exactly which documents are kept and which files to choose again (null when neither). */
export function keptNotice(kept: DocumentKind[], chooseAgain: DocumentKind[]): string | null {
  const parts = [];
  if (kept.length > 0) parts.push(`فایل ${quotedLabels(kept)} دریافت و نگه داشته شد؛ لازم نیست دوباره انتخاب شود.`);
  if (chooseAgain.length > 0) parts.push(`فایل ${quotedLabels(chooseAgain)} ایرادی نداشت اما نگه داشته نشد؛ آن را همراه فایل‌هایی که خطا دارند دوباره انتخاب کنید.`);
  return parts.length > 0 ? parts.join(" ") : null;
}

/** The form state a post of the dependent form leads to, unless it filed the request (the caller redirects then). */
export function dependentFormState(outcome: Exclude<DependentFormOutcome, { kind: "filed" }>): DependentFormState {
  switch (outcome.kind) {
    case "edit":
      return { values: outcome.values, fieldErrors: outcome.fieldErrors };
    case "registry-unavailable":
      return { values: outcome.values, fieldErrors: {}, formError: REGISTRY_UNAVAILABLE_MESSAGE };
    case "refused":
      return { values: outcome.values, ...refusalState(outcome.refusal) };
    case "checked":
      return { values: outcome.values, fieldErrors: {}, checked: outcome.checked };
    case "documents":
      return {
        values: outcome.values,
        checked: outcome.checked,
        fieldErrors: Object.fromEntries(
          Object.entries(outcome.problems).map(([kind, problem]) => [documentFieldName(kind as DocumentKind), documentProblemMessage(kind as DocumentKind, problem)]),
        ),
        ...(keptNotice(outcome.kept, outcome.chooseAgain) ? { notice: keptNotice(outcome.kept, outcome.chooseAgain)! } : {}),
      };
  }
}
