import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueueFilters, type QueueFilterWords } from "./queue-filters";

const words = (over: Partial<QueueFilterWords> = {}): QueueFilterWords => ({
  q: "",
  searchProblem: null,
  kind: "",
  status: "",
  sort: "due",
  overdue: false,
  mine: false,
  unassigned: false,
  filtered: false,
  kinds: [
    { value: "QUESTION", label: "پیگیری و پرسش" },
    { value: "DEPENDENT_ENROLMENT", label: "نام‌نویسی فرد تحت تکفل" },
  ],
  statuses: [{ value: "RETURNED", label: "برگشت برای تکمیل مدارک" }],
  ...over,
});

const html = (w: QueueFilterWords) => renderToStaticMarkup(<QueueFilters words={w} />);

describe("QueueFilters", () => {
  it("is a GET search form for the queue with every filter, nothing chosen and no link to clear", () => {
    const page = html(words());
    const form = page.slice(0, page.indexOf(">") + 1);
    expect(form).toContain('action="/staff/requests"');
    expect(form).toContain('role="search"');
    expect(form).toContain('aria-label="جست‌وجو و پالایش"');
    expect(page).not.toContain('method="post"');
    expect(page).toContain('<option value="QUESTION">پیگیری و پرسش</option>');
    expect(page).toContain('<option value="RETURNED">برگشت برای تکمیل مدارک</option>');
    expect(page).toContain('aria-describedby="q-hint"');
    expect(page).not.toContain("aria-invalid");
    expect(page).not.toContain("checked");
    expect(page).not.toContain("پاک کردن پالایه‌ها");
  });

  it("keeps what the officer chose and typed, and explains a search it cannot run", () => {
    const page = html(
      words({ q: "12345", searchProblem: "کد رهگیری یا کد ملی باید ده رقم باشد.", kind: "DEPENDENT_ENROLMENT", sort: "newest", mine: true, filtered: true }),
    );
    expect(page).toContain('value="12345"');
    expect(page).toContain('aria-describedby="q-hint q-error"');
    expect(page).toContain('aria-invalid="true"');
    expect(page).toContain('<p id="q-error" class="font-bold text-danger"><span class="sr-only">خطا: </span>کد رهگیری یا کد ملی باید ده رقم باشد.</p>');
    expect(page).toContain('<option value="DEPENDENT_ENROLMENT" selected="">نام‌نویسی فرد تحت تکفل</option>');
    expect(page).toContain('<option value="newest" selected="">جدیدترین</option>');
    expect(page).toContain('name="mine" checked=""');
    expect(page).toContain('name="overdue" value="1"');
    expect(page).not.toContain('name="overdue" checked');
    expect(page).toMatch(/<a[^>]*href="\/staff\/requests"[^>]*>پاک کردن پالایه‌ها<\/a>/);
  });
});
