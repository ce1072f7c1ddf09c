import { describe, expect, it } from "vitest";
import { queueSearchProblem } from "./review";
import { makeNationalId, nationalIdCheckDigit } from "@/lib/utils/national-id";
import { makeTrackingCode, trackingCheckDigit } from "@/lib/utils/tracking-code";

describe("queueSearchProblem (the staff queue's search box)", () => {
  const trackingCode = makeTrackingCode(() => 3);
  const nationalId = makeNationalId("012345678");

  it("lets a tracking code or a national ID through", () => {
    expect(queueSearchProblem(trackingCode)).toBeNull();
    expect(queueSearchProblem(nationalId)).toBeNull();
  });

  it("says the length is wrong for fewer or more than ten digits", () => {
    expect(queueSearchProblem("123")).toBe("کد رهگیری یا کد ملی باید ده رقم باشد.");
    expect(queueSearchProblem(`${trackingCode}1`)).toBe("کد رهگیری یا کد ملی باید ده رقم باشد.");
  });

  it("says a ten-digit number with a wrong check digit is neither, instead of finding nothing", () => {
    const body = "312345678";
    const wrongDigit = [0, 1, 2, 3, 4, 5, 6, 7, 8, 9].find((d) => d !== trackingCheckDigit(body) && d !== nationalIdCheckDigit(body));
    const typo = `${body}${wrongDigit}`;
    expect(queueSearchProblem(typo)).toMatch(/نه کد رهگیری درستی است و نه کد ملی درستی/);
  });
});
