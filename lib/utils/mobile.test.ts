import { describe, expect, it } from "vitest";
import { maskMobile } from "./mobile";

describe("maskMobile", () => {
  it("keeps the operator prefix and the last four digits", () => {
    expect(maskMobile("09121234567")).toBe("0912***4567");
  });

  it("hides everything of a value that is not a mobile number", () => {
    expect(maskMobile("0912123456")).toBe("**********");
    expect(maskMobile("+989121234567")).toBe("***********");
  });
});
