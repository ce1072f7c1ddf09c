import { describe, expect, it } from "vitest";
import { UNSAFE_TEXT_MESSAGE } from "@/lib/schemas/safe-text";
import { ZHolidayForm } from "./form-schemas";

describe("ZHolidayForm", () => {
  it("refuses a title with a NUL or text that was not UTF-8, with a message", () => {
    for (const bad of ["\u0000", "\ufffd"]) {
      const result = ZHolidayForm.safeParse({ jalaliDate: "1405/01/01", title: `نوروز${bad}` });
      expect(result.error?.issues.map((issue) => issue.message)).toContain(UNSAFE_TEXT_MESSAGE);
    }
  });
});
