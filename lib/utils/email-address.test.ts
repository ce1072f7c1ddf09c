import { describe, expect, it } from "vitest";
import { maskEmail } from "./email-address";

describe("maskEmail", () => {
  it("keeps the mailbox's first character and the domain", () => {
    expect(maskEmail("m.salehi@example.com")).toBe("m***@example.com");
    expect(maskEmail("a@b.ir")).toBe("a***@b.ir");
  });

  it("hides what is not one address entirely", () => {
    expect(maskEmail("no-at-sign")).toBe("***");
    expect(maskEmail("@example.com")).toBe("***");
    expect(maskEmail("a@b@c.ir")).toBe("***");
    expect(maskEmail("person@")).toBe("***");
  });
});
