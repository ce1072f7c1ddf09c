import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { DeadlinePhrase } from "./deadline-phrase";
import { DeadlineText, describeDeadline, PausedDeadlineText } from "./deadline-text";

// 23:59:59.999 on 10 Azar 1405 in Tehran (UTC+03:30).
const DUE = new Date("2026-12-01T20:29:59.999Z");

const phrase = (workingDaysLeft: number | null, dueAt: Date | null = DUE) =>
  renderToStaticMarkup(<p>{<DeadlinePhrase words={describeDeadline(dueAt, workingDaysLeft)} />}</p>);
const text = (workingDaysLeft: number | null, dueAt: Date | null = DUE) =>
  renderToStaticMarkup(<DeadlineText dueAt={dueAt} workingDaysLeft={workingDaysLeft} />);

describe("describeDeadline", () => {
  it("gives the Tehran date and the working days left, due today, or late, in Persian figures", () => {
    expect(describeDeadline(DUE, 2)).toEqual({ date: "۱۰ آذر ۱۴۰۵", note: "(۲ روز کاری مانده)", tone: "open" });
    expect(describeDeadline(DUE, 0)).toEqual({ date: "۱۰ آذر ۱۴۰۵", note: "(موعد امروز)", tone: "today" });
    expect(describeDeadline(DUE, -3)).toEqual({ date: "۱۰ آذر ۱۴۰۵", note: "(۳ روز کاری از موعد گذشته)", tone: "overdue" });
  });

  it("has nothing to say without a running deadline (answered, or paused while the applicant sends documents)", () => {
    expect(describeDeadline(null, null)).toBeNull();
    expect(describeDeadline(DUE, null)).toBeNull();
  });
});

describe("DeadlinePhrase (list rows)", () => {
  it("is plain text while the deadline is ahead: no element of its own", () => {
    expect(phrase(2)).toBe("<p>۱۰ آذر ۱۴۰۵ (۲ روز کاری مانده)</p>");
  });

  it("emphasises a deadline that is today, and one that has passed in the danger colour", () => {
    expect(phrase(0)).toBe("<p><strong>۱۰ آذر ۱۴۰۵ (موعد امروز)</strong></p>");
    expect(phrase(-1)).toBe('<p><strong class="text-danger">۱۰ آذر ۱۴۰۵ (۱ روز کاری از موعد گذشته)</strong></p>');
  });

  it("shows a dash when there is no deadline", () => {
    expect(phrase(null, null)).toBe("<p>—</p>");
  });
});

describe("DeadlineText (a request's own page)", () => {
  it("sets the note apart from the date", () => {
    expect(text(2)).toBe('<span>۱۰ آذر ۱۴۰۵ <span class="text-muted">(۲ روز کاری مانده)</span></span>');
    expect(text(-1)).toBe('<span>۱۰ آذر ۱۴۰۵ <strong class="text-danger">(۱ روز کاری از موعد گذشته)</strong></span>');
    expect(text(null, null)).toBe('<span class="text-muted">—</span>');
  });
});

describe("PausedDeadlineText", () => {
  const words = (workingDaysLeft: number, reader: "applicant" | "staff") =>
    renderToStaticMarkup(<PausedDeadlineText since={DUE} workingDaysLeft={workingDaysLeft} reader={reader} />).replace(/<[^>]+>/g, "");

  it("tells staff since when the request waits on the applicant and what will be left", () => {
    expect(words(2, "staff")).toBe("متوقف شده از ۱۰ آذر ۱۴۰۵، در انتظار مدارک متقاضی. پس از رسیدن مدارک، ۲ روز کاری برای پاسخ باقی می‌ماند.");
  });

  it("tells the applicant the same in their words", () => {
    expect(words(1, "applicant")).toBe("متوقف شده از ۱۰ آذر ۱۴۰۵، در انتظار مدارک شما. پس از ارسال مدارک، ۱ روز کاری برای پاسخ باقی می‌ماند.");
  });

  it("says the answer is due at once when the deadline had passed before the return", () => {
    expect(words(0, "staff")).toContain("موعد پیش از برگشت درخواست به سر رسیده بود؛ پس از رسیدن مدارک پاسخ بی‌درنگ لازم است.");
  });
});
