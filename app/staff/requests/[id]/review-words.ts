import { describeDeadline, describePause } from "@/components/requests/deadline-text";
import { DOMAIN_LABEL, KIND_LABEL, STAFF_STATUS_LABEL } from "@/components/requests/labels";
import { DECLARED_FACTS, DECLARED_FACT_QUESTIONS } from "@/lib/dependents/eligibility";
import { RELATIONSHIP_LABELS } from "@/lib/dependents/relationships";
import type { ReviewRequest } from "@/lib/server/review/get-request-for-review";
import { toPersianDigits } from "@/lib/utils/digits";
import { formatJalaliForDisplay, gregorianToJalali } from "@/lib/utils/jalali";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import type { EligibilityWords, FactWords, PeopleWords } from "@/components/staff/review-sheet";

// The words of the staff request page's facts, people and eligibility, which
// components/staff/review-sheet.tsx lays out (docs/decisions/024): Persian digits, Jalali dates,
// labels, the deadline's phrase.

const jalali = (date: string | null) => (date ? toPersianDigits(date) : "—");
const day = (date: Date) => formatJalaliForDisplay(gregorianToJalali(date));
const yesNo = (value: boolean | undefined) => (value === undefined ? "پرسیده نشد" : value ? "بله" : "خیر");
const number = (label: string, value: string | null): FactWords => (value ? { label, text: toPersianDigits(value), ltr: true } : { label, text: "—" });

/** The request at a glance: tracking code, kind, when it was filed, its deadline, and who has it (`accountId` is the reader). */
export function reviewSummaryWords(request: ReviewRequest, accountId: string): FactWords[] {
  return [
    { label: "کد رهگیری", text: formatTrackingCode(request.trackingCode), ltr: true },
    { label: "نوع", text: `${KIND_LABEL[request.kind]}${request.domain ? ` (${DOMAIN_LABEL[request.domain]})` : ""}` },
    { label: "تاریخ ثبت", text: day(request.createdAt) },
    request.paused
      ? { label: "موعد پاسخ", paused: describePause(request.paused.since, request.paused.workingDaysLeft, "staff") }
      : { label: "موعد پاسخ", deadline: describeDeadline(request.dueAt, request.workingDaysLeft) },
    { label: "کارشناس", text: request.assignee ? (request.assignee.id === accountId ? "خودتان" : request.assignee.name) : "هنوز کسی برنداشته است" },
  ];
}

/** The applicant, and for an enrolment the dependent as the civil registry gave them and the same person's other file. */
export function reviewPeopleWords(request: ReviewRequest): PeopleWords {
  const { applicant, enrolment } = request;
  const duplicate = enrolment?.duplicate;
  return {
    applicant: [
      { label: "نام", text: applicant.firstName ? `${applicant.firstName} ${applicant.lastName}` : "—" },
      number("کد ملی", applicant.nationalId),
      { label: "نام پدر", text: applicant.fatherName ?? "—" },
      { label: "تاریخ تولد", text: jalali(applicant.birthDate) },
      number("تلفن همراه", applicant.mobile),
      applicant.insurance
        ? {
            label: "شماره بیمه",
            text: toPersianDigits(applicant.insurance.number),
            ltr: true,
            after: ` (${applicant.insurance.kind === "PENSIONER" ? "مستمری‌بگیر" : "بیمه‌شده"})`,
          }
        : { label: "شماره بیمه", text: "سابقه بیمه‌ای پیدا نشد" },
    ],
    dependent: enrolment
      ? {
          facts: [
            { label: "نسبت", text: RELATIONSHIP_LABELS[enrolment.relationship] },
            { label: "نام", text: `${enrolment.dependent.firstName} ${enrolment.dependent.lastName}` },
            number("کد ملی", enrolment.dependent.nationalId),
            { label: "نام پدر", text: enrolment.dependent.fatherName },
            { label: "تاریخ تولد", text: jalali(enrolment.dependent.birthDate) },
            { label: "سن امروز", text: enrolment.dependent.age === null ? "—" : `${toPersianDigits(enrolment.dependent.age)} سال` },
            { label: "جنسیت", text: enrolment.dependent.gender === "MALE" ? "مرد" : "زن" },
          ],
          filedByStaff: enrolment.filedByStaff,
        }
      : null,
    duplicate: duplicate
      ? {
          coveredNow: duplicate.coveredSince !== null,
          facts: [
            { label: "بیمه‌شده", text: duplicate.insuredName ?? "بدون حساب در سامانه" },
            number("کد ملی", duplicate.insuredNationalId),
            number("شماره بیمه", duplicate.insuranceNumber),
            { label: "شعبه", text: duplicate.branchName ?? "—" },
            { label: "تحت پوشش از", text: duplicate.coveredSince ? day(duplicate.coveredSince) : "تحت پوشش نیست" },
          ],
          otherRequests: duplicate.otherRequests.map((other) => ({
            trackingCode: formatTrackingCode(other.trackingCode),
            status: other.status,
            statusLabel: STAFF_STATUS_LABEL[other.status],
          })),
        }
      : null,
  };
}

/** An enrolment's rule, whether it still holds with today's age, the applicant's answers and the documents' checklist. */
export function eligibilityWords(enrolment: NonNullable<ReviewRequest["enrolment"]>): EligibilityWords {
  return {
    rule: enrolment.rule.description ?? enrolment.rule.id,
    reasons: enrolment.eligibleToday.eligible ? null : enrolment.eligibleToday.reasons,
    declared: DECLARED_FACTS.filter((fact) => enrolment.declared[fact] !== undefined).map((fact) => ({
      question: DECLARED_FACT_QUESTIONS[fact],
      answer: yesNo(enrolment.declared[fact]),
    })),
    checklist: enrolment.checklist.map((item) => ({ kind: item.kind, label: `${item.label}${item.required ? "" : " (اختیاری)"}`, provided: item.provided })),
  };
}
