import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { MyRequestCards, type MyRequestCardRow } from "./my-request-cards";

const row = (over: Partial<MyRequestCardRow> = {}): MyRequestCardRow => ({
  id: "0f5c6f5e-2a4b-4c1d-8e9f-1a2b3c4d5e6f",
  trackingCode: "8000000013",
  kind: "QUESTION",
  subject: "حق بیمه سال ۱۴۰۴",
  status: "SUBMITTED",
  // 10 Azar 1405 in Tehran.
  createdAt: new Date("2026-12-01T08:00:00Z"),
  dueAt: new Date("2026-12-15T20:29:59.999Z"),
  workingDaysLeft: 0,
  ...over,
});

const html = (rows: MyRequestCardRow[]) => renderToStaticMarkup(<MyRequestCards rows={rows} />);

describe("MyRequestCards («درخواست‌های من»)", () => {
  it("shows a card as its link, its badge in the applicant's words and one line of facts", () => {
    expect(html([row()])).toBe(
      '<ul class="card-list" aria-label="فهرست درخواست‌ها"><li>' +
        '<a href="/account/requests/0f5c6f5e-2a4b-4c1d-8e9f-1a2b3c4d5e6f">حق بیمه سال ۱۴۰۴</a>' +
        '<span class="badge border-brand-600 text-brand-800">ثبت شده، در انتظار بررسی</span>' +
        "<p>پیگیری و پرسش · ثبت: ۱۰ آذر ۱۴۰۵ · موعد پاسخ: <strong>۲۴ آذر ۱۴۰۵ (موعد امروز)</strong> · کد رهگیری: " +
        '<span dir="ltr">۸۰۰۰-۰۰۰-۰۱۳</span></p></li></ul>',
    );
  });

  it("names a request without a subject by its kind; no deadline once answered, a dash while it is stopped", () => {
    const answered = html([row({ subject: null, status: "ANSWERED", dueAt: null, workingDaysLeft: null })]);
    expect(answered).toContain(">پیگیری و پرسش</a>");
    expect(answered).toContain("پاسخ داده شد");
    expect(answered).not.toContain("موعد پاسخ");
    expect(html([row({ status: "RETURNED", workingDaysLeft: null })])).toContain("موعد پاسخ: — · کد رهگیری");
  });
});
