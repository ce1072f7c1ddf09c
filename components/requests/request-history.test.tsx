import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { RequestHistory } from "./request-history";

describe("RequestHistory", () => {
  it("says when the calendar moved the due date, from which day to which", () => {
    const html = renderToStaticMarkup(
      <RequestHistory
        entries={[
          { id: "1", type: "SUBMITTED", at: new Date("2026-11-28T06:30:00Z"), reasonCode: null },
          {
            id: "2",
            type: "DUE_DATE_MOVED",
            at: new Date("2026-11-29T08:00:00Z"),
            reasonCode: null,
            // 10 and 11 Azar 1405, end of the day in Tehran.
            previousDueAt: new Date("2026-12-01T20:29:59.999Z"),
            newDueAt: new Date("2026-12-02T20:29:59.999Z"),
          },
        ]}
      />,
    );
    expect(html).toContain("مهلت پاسخ با اصلاح تقویم تعطیلات رسمی جابه‌جا شد");
    expect(html).toContain("از ۱۰ آذر ۱۴۰۵ به ۱۱ آذر ۱۴۰۵");
  });

  it("adds no dates to other events", () => {
    const html = renderToStaticMarkup(<RequestHistory entries={[{ id: "1", type: "SUBMITTED", at: new Date("2026-11-28T06:30:00Z"), reasonCode: null }]} />);
    expect(html).not.toContain("از ");
  });
});
