import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { BarChart, formatFigure } from "./bar-chart";

const render = (bars: { label: string; value: number }[]) =>
  renderToStaticMarkup(<BarChart title="میانه زمان رسیدگی" unit="ساعت" bars={bars} />);

describe("BarChart", () => {
  it("draws one bar per figure, the longest for the largest, with Persian figures", () => {
    const html = render([
      { label: "پیگیری و پرسش", value: 4 },
      { label: "نام‌نویسی فرد تحت تکفل", value: 22.6 },
    ]);
    const widths = [...html.matchAll(/<rect [^>]*width="([\d.]+)"/g)].map((m) => Number(m[1]));
    expect(widths).toHaveLength(2);
    expect(widths[1]).toBeGreaterThan(widths[0]!);
    expect(html).toContain("۴ ساعت");
    expect(html).toContain("۲۲٫۶ ساعت");
    expect(html).not.toMatch(/>[^<]*[0-9][^<]*</);
  });

  it("is an image named by its title, with the same figures in a table for screen readers", () => {
    const html = render([{ label: "مریم احمدی", value: 6 }]);
    const titleId = /<svg[^>]*aria-labelledby="([^"]+)"/.exec(html)?.[1];
    expect(html).toMatch(/<svg[^>]*role="img"/);
    expect(html).toContain(`<title id="${titleId}">میانه زمان رسیدگی</title>`);
    expect(html).toMatch(/<div class="sr-only"><table><caption>میانه زمان رسیدگی<\/caption>/);
    expect(html).toContain('<th scope="row">مریم احمدی</th><td>۶</td>');
  });

  it("says so in words when there is nothing to draw", () => {
    const html = render([]);
    expect(html).not.toContain("<svg");
    expect(html).toContain("در ۳۰ روز گذشته درخواستی تصمیم‌گیری نشده است.");
  });
});

describe("formatFigure", () => {
  it("keeps at most one decimal, with the Persian separator", () => {
    expect(formatFigure(4)).toBe("۴");
    expect(formatFigure(22.625)).toBe("۲۲٫۶");
    expect(formatFigure(1000)).toBe("۱۰۰۰");
    expect(formatFigure(0.04)).toBe("۰");
  });
});
