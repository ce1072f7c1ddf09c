import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ReviewEligibility, ReviewFacts, ReviewPeople } from "@/components/staff/review-sheet";
import type { ReviewRequest } from "@/lib/server/review/get-request-for-review";
import { eligibilityWords, reviewPeopleWords, reviewSummaryWords } from "./review-words";

const ME = "7b0e8a52-6a3b-4d7e-9f41-3c2d1e0f9a10";

type Enrolment = NonNullable<ReviewRequest["enrolment"]>;

const enrolment = (over: Partial<Enrolment> = {}): Enrolment => ({
  relationship: "SON",
  declared: { studying: true, unmarried: true },
  rule: { id: "child-student", description: "فرزند پسر محصل تا ۲۰ سالگی" },
  dependent: { nationalId: "0499370899", firstName: "رضا", lastName: "رضایی", fatherName: "علی", birthDate: "1388/02/11", gender: "MALE", age: 17 },
  eligibleToday: { eligible: true },
  checklist: [
    { kind: "BIRTH_CERTIFICATE", label: "شناسنامه", required: true, provided: true },
    { kind: "STUDY_CERTIFICATE", label: "گواهی اشتغال به تحصیل", required: false, provided: false },
  ],
  filedByStaff: null,
  duplicate: null,
  ...over,
});

const request = (over: Partial<ReviewRequest> = {}): ReviewRequest => ({
  id: "0f5c6f5e-2a4b-4c1d-8e9f-1a2b3c4d5e6f",
  trackingCode: "8000000013",
  kind: "DEPENDENT_ENROLMENT",
  domain: null,
  subject: null,
  body: null,
  status: "IN_REVIEW",
  // 10 Azar 1405 in Tehran.
  createdAt: new Date("2026-12-01T08:00:00Z"),
  dueAt: new Date("2026-12-15T20:29:59.999Z"),
  workingDaysLeft: 2,
  paused: null,
  version: "2026-12-01T08:00:00.000Z",
  assignee: { id: ME, name: "مریم احمدی" },
  applicant: {
    nationalId: "0012345679",
    firstName: "علی",
    lastName: "رضایی",
    fatherName: "حسن",
    birthDate: "1360/05/20",
    mobile: "09121234567",
    insurance: { number: "1234567890", kind: "PENSIONER" },
  },
  enrolment: enrolment(),
  documents: [],
  events: [],
  mandates: [],
  can: { claim: false, decide: true, reassign: false, decisions: [] },
  colleagues: [],
  ...over,
});

/** The rendered text, elements dropped: what a reader hears. */
const text = (html: string) => html.replace(/<[^>]+>/g, "|").replace(/\|+/g, "|");

describe("the staff request page's summary", () => {
  it("gives the tracking code grouped and left to right, the kind, the Jalali filing date, the deadline and who has it", () => {
    const html = renderToStaticMarkup(<ReviewFacts facts={reviewSummaryWords(request(), ME)} />);
    expect(html).toContain('<dt>کد رهگیری</dt><dd><span dir="ltr">۸۰۰۰-۰۰۰-۰۱۳</span></dd>');
    expect(text(html)).toContain("|نوع|نام‌نویسی فرد تحت تکفل|");
    expect(text(html)).toContain("|تاریخ ثبت|۱۰ آذر ۱۴۰۵|");
    expect(html).toContain('<span>۲۴ آذر ۱۴۰۵ <span class="text-muted">(۲ روز کاری مانده)</span></span>');
    expect(text(html)).toContain("|کارشناس|خودتان|");
  });

  it("names the colleague who has it, or says nobody has taken it", () => {
    expect(text(renderToStaticMarkup(<ReviewFacts facts={reviewSummaryWords(request(), "someone-else")} />))).toContain("|کارشناس|مریم احمدی|");
    expect(text(renderToStaticMarkup(<ReviewFacts facts={reviewSummaryWords(request({ assignee: null }), ME)} />))).toContain("|کارشناس|هنوز کسی برنداشته است|");
  });

  it("says a deadline has stopped while the applicant sends documents", () => {
    const html = renderToStaticMarkup(<ReviewFacts facts={reviewSummaryWords(request({ paused: { since: new Date("2026-12-01T08:00:00Z"), workingDaysLeft: 3 } }), ME)} />);
    expect(text(html)).toContain("|متوقف شده| از ۱۰ آذر ۱۴۰۵، در انتظار مدارک متقاضی. |پس از رسیدن مدارک، ۳ روز کاری برای پاسخ باقی می‌ماند.|");
  });
});

describe("the staff request page's people", () => {
  it("shows the applicant with Persian digits, the insurance number left to right and its kind", () => {
    const html = renderToStaticMarkup(<ReviewPeople words={reviewPeopleWords(request())} />);
    expect(html).toContain('<h2 id="people-heading">متقاضی و فرد تحت تکفل</h2>');
    expect(html).toContain('<dt>شماره بیمه</dt><dd><span dir="ltr">۱۲۳۴۵۶۷۸۹۰</span> (مستمری‌بگیر)</dd>');
    expect(text(html)).toContain("|تلفن همراه|۰۹۱۲۱۲۳۴۵۶۷|");
    expect(text(html)).toContain("|تاریخ تولد|۱۳۶۰/۰۵/۲۰|");
  });

  it("shows the dependent as the civil registry gave them, with today's age", () => {
    const t = text(renderToStaticMarkup(<ReviewPeople words={reviewPeopleWords(request())} />));
    expect(t).toContain("|فرد تحت تکفل|");
    expect(t).toContain("|نسبت|پسر|");
    expect(t).toContain("|سن امروز|۱۷ سال|");
    expect(t).toContain("|جنسیت|مرد|");
  });

  it("for a question, shows only the applicant, with dashes for what is not known", () => {
    const html = renderToStaticMarkup(
      <ReviewPeople
        words={reviewPeopleWords(
          request({
            kind: "QUESTION",
            enrolment: null,
            applicant: { nationalId: "0012345679", firstName: null, lastName: null, fatherName: null, birthDate: null, mobile: null, insurance: null },
          }),
        )}
      />,
    );
    expect(html).toContain('<h2 id="people-heading">متقاضی</h2>');
    expect(html).not.toContain("فرد تحت تکفل");
    expect(text(html)).toContain("|نام|—|");
    expect(text(html)).toContain("|تلفن همراه|—|");
    expect(text(html)).toContain("|شماره بیمه|سابقه بیمه‌ای پیدا نشد|");
  });

  it("warns of the same person's other file, with its requests' statuses in staff's words", () => {
    const duplicate = {
      insuredNationalId: "0076543218",
      insuredName: null,
      insuranceNumber: null,
      branchName: "شعبه ۱۲ تهران",
      coveredSince: new Date("2026-03-21T08:00:00Z"),
      otherRequests: [{ trackingCode: "8000000021", status: "SUBMITTED" as const, createdAt: new Date("2026-11-01T08:00:00Z") }],
    };
    const html = renderToStaticMarkup(<ReviewPeople words={reviewPeopleWords(request({ enrolment: enrolment({ duplicate }) }))} />);
    expect(html).toContain('<h3 class="text-danger">پرونده دیگر همین فرد</h3>');
    expect(text(html)).toContain("این فرد هم‌اکنون تحت پوشش بیمه‌شده دیگری است.");
    expect(text(html)).toContain("|بیمه‌شده|بدون حساب در سامانه|");
    expect(text(html)).toContain("|شماره بیمه|—|");
    expect(text(html)).toContain("|تحت پوشش از|۱ فروردین ۱۴۰۵|");
    expect(html).toContain('درخواست <span dir="ltr">۸۰۰۰-۰۰۰-۰۲۱</span>: <span class="badge');
    expect(html).toContain(">ثبت شده، در انتظار بررسی</span>");
  });
});

describe("the staff request page's eligibility", () => {
  it("says the rule still holds, lists only the questions asked, and marks optional documents", () => {
    const html = renderToStaticMarkup(<ReviewEligibility words={eligibilityWords(enrolment())} />);
    expect(text(html)).toContain("|قاعده:| فرزند پسر محصل تا ۲۰ سالگی|");
    expect(text(html)).toContain("با سن امروز و اظهارات متقاضی، این قاعده هنوز برقرار است.");
    expect(html.match(/<th scope="row"/g)).toHaveLength(2);
    expect(text(html)).toContain("|گواهی اشتغال به تحصیل (اختیاری)|پیوست نشده|");
    expect(html).toContain('<td class="p-2 font-bold text-success">پیوست شده</td>');
  });

  it("lists why the rule no longer holds with today's age", () => {
    const html = renderToStaticMarkup(
      <ReviewEligibility words={eligibilityWords(enrolment({ eligibleToday: { eligible: false, reasons: ["فرزند پسر پس از ۱۸ سالگی فقط اگر محصل باشد"] } }))} />,
    );
    expect(text(html)).toContain("|با سن امروز، شرایط دیگر برقرار نیست:|فرزند پسر پس از ۱۸ سالگی فقط اگر محصل باشد|");
    expect(html).not.toContain("هنوز برقرار است");
  });
});
