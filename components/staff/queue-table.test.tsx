import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { QueueTable, queueRowWords, type QueueTableRow } from "./queue-table";

const ME = "7b0e8a52-6a3b-4d7e-9f41-3c2d1e0f9a10";

const row = (over: Partial<QueueTableRow> = {}): QueueTableRow => ({
  id: "0f5c6f5e-2a4b-4c1d-8e9f-1a2b3c4d5e6f",
  trackingCode: "8000000013",
  kind: "QUESTION",
  status: "IN_REVIEW",
  subject: "حق بیمه سال ۱۴۰۴",
  applicantNationalId: "0012345679",
  applicantName: "علی رضایی",
  // 10 Azar 1405 in Tehran.
  createdAt: new Date("2026-12-01T08:00:00Z"),
  dueAt: new Date("2026-12-15T20:29:59.999Z"),
  workingDaysLeft: 2,
  overdue: false,
  assignee: { id: ME, name: "مریم احمدی" },
  duplicate: false,
  ...over,
});

const html = (rows: QueueTableRow[]) => renderToStaticMarkup(<QueueTable rows={rows} currentStaffId={ME} />);

describe("queueRowWords", () => {
  it("puts the row in the officer's words: grouped tracking code, Persian digits, Jalali receipt, the deadline's phrase", () => {
    const words = queueRowWords(row({ assignee: { id: "someone-else", name: "مریم احمدی" } }), ME);
    expect(words).toMatchObject({
      trackingCode: "۸۰۰۰-۰۰۰-۰۱۳",
      kind: "پیگیری و پرسش",
      applicant: "علی رضایی",
      applicantLine: "۰۰۱۲۳۴۵۶۷۹ · ثبت: ۱۰ آذر ۱۴۰۵",
      statusLabel: "در حال بررسی",
      deadline: { date: "۲۴ آذر ۱۴۰۵", note: "(۲ روز کاری مانده)", tone: "open" },
      assignee: "مریم احمدی",
      mine: false,
    });
  });

  it("reads a returned request as waiting on the applicant, and has no deadline phrase while it is stopped", () => {
    expect(queueRowWords(row({ status: "RETURNED", workingDaysLeft: null }), ME)).toMatchObject({ statusLabel: "در انتظار مدارک متقاضی", deadline: null });
  });
});

describe("QueueTable", () => {
  it("renders each row once as a table row with a plain link to the request", () => {
    const out = html([row(), row({ id: "1f5c6f5e-2a4b-4c1d-8e9f-1a2b3c4d5e6f", trackingCode: "8000000020" })]);
    expect(out.match(/<tr>/g)).toHaveLength(3); // the header and two rows
    expect(out).toContain('<a href="/staff/requests/0f5c6f5e-2a4b-4c1d-8e9f-1a2b3c4d5e6f" dir="ltr">۸۰۰۰-۰۰۰-۰۱۳</a>');
    expect(out).toContain('<span class="badge border-brand-600 text-brand-800">در حال بررسی</span>');
    expect(out).toContain("<td>۲۴ آذر ۱۴۰۵ (۲ روز کاری مانده)</td>");
  });

  it("marks an overdue row, a duplicate file, the reader's own request and one nobody has taken", () => {
    const out = html([
      row({ overdue: true, workingDaysLeft: -1, duplicate: true }),
      row({ id: "1f5c6f5e-2a4b-4c1d-8e9f-1a2b3c4d5e6f", assignee: null, applicantName: null }),
    ]);
    expect(out).toContain('<tr class="overdue">');
    expect(out).toContain('<strong class="text-danger">۲۴ آذر ۱۴۰۵ (۱ روز کاری از موعد گذشته)</strong>');
    expect(out).toContain('<strong class="text-danger">پرونده تکراری</strong>');
    expect(out).toContain("<td><strong>خودم</strong></td>");
    expect(out).toContain('<td><span class="text-muted">بدون کارشناس</span></td>');
    expect(out).toContain("<td>—<small>");
  });
});
