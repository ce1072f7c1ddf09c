import { renderToStaticMarkup } from "react-dom/server";
import { describe, expect, it } from "vitest";
import { FieldError } from "./field-error";

describe("FieldError", () => {
  it("is the error its input names in aria-describedby, said to be an error for those who cannot see its colour", () => {
    expect(renderToStaticMarkup(<FieldError field="nationalId" error="کد ملی درست نیست." />)).toBe(
      '<p id="nationalId-error" class="font-bold text-danger"><span class="sr-only">خطا: </span>کد ملی درست نیست.</p>',
    );
  });

  it("is nothing when the field has no error", () => {
    expect(renderToStaticMarkup(<FieldError field="nationalId" error={undefined} />)).toBe("");
    expect(renderToStaticMarkup(<FieldError field="nationalId" error="" />)).toBe("");
  });
});
