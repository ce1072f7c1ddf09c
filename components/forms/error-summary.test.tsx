import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { ErrorSummary } from "./error-summary";

describe("ErrorSummary", () => {
  it("shows nothing while there is no error", () => {
    expect(renderToStaticMarkup(<ErrorSummary fieldErrors={{}} reasons={[]} fieldOrder={["a"]} />)).toBe("");
  });

  it("lists the form's error, then the reasons that belong to no field, then a link to each field in the form's order", () => {
    const html = renderToStaticMarkup(
      <ErrorSummary
        fieldErrors={{ birthDate: "تاریخ تولد را وارد کنید.", nationalId: "کد ملی درست نیست." }}
        formError="این فرد را نمی‌توان تحت پوشش قرار داد."
        reasons={["پسر تا پیش از ۱۸ سالگی تحت پوشش قرار می‌گیرد.", "پسر در صورت ازکارافتادگی در هر سنی تحت پوشش قرار می‌گیرد."]}
        fieldOrder={["nationalId", "birthDate"]}
      />,
    );
    expect(html).toContain('role="alert"');
    const order = ["این فرد را نمی‌توان", "پیش از ۱۸ سالگی", "ازکارافتادگی", 'href="#nationalId"', 'href="#birthDate"'].map((text) => html.indexOf(text));
    expect(order.every((at) => at >= 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
  });

  it("shows the reasons alone when the form has no error of its own", () => {
    const html = renderToStaticMarkup(<ErrorSummary fieldErrors={{}} reasons={["دختر تا وقتی ازدواج نکرده تحت پوشش است."]} fieldOrder={[]} />);
    expect(html).toContain("<li>دختر تا وقتی ازدواج نکرده تحت پوشش است.</li>");
  });
});
