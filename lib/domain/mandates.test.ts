import { describe, expect, it } from "vitest";
import { mandateEndsAt, mandateState, scopesPhrase } from "./mandates";

const now = new Date("2026-12-02T10:00:00Z");

describe("mandateEndsAt", () => {
  it("adds calendar months", () => {
    expect(mandateEndsAt(now, 3).toISOString()).toBe("2027-03-02T10:00:00.000Z");
  });
  it("never runs past a year", () => {
    const end = mandateEndsAt(now, 12);
    expect(end.getTime() - now.getTime()).toBeLessThanOrEqual(366 * 24 * 3600 * 1000);
    expect(end.toISOString()).toBe("2027-12-02T10:00:00.000Z");
  });
});

describe("mandateState", () => {
  const endsAt = new Date("2027-01-01T00:00:00Z");
  it("is pending until the principal consents", () => {
    expect(mandateState({ grantedAt: null, revokedAt: null, endsAt }, now)).toBe("PENDING");
  });
  it("is active once granted, until its end", () => {
    expect(mandateState({ grantedAt: now, revokedAt: null, endsAt }, now)).toBe("ACTIVE");
    expect(mandateState({ grantedAt: now, revokedAt: null, endsAt }, endsAt)).toBe("EXPIRED");
  });
  it("revocation wins over everything", () => {
    expect(mandateState({ grantedAt: now, revokedAt: now, endsAt }, now)).toBe("REVOKED");
  });
});

describe("scopesPhrase", () => {
  it("lists the scopes in a fixed order, joined the Persian way", () => {
    expect(scopesPhrase(["ENROL_DEPENDENTS", "VIEW"])).toBe("دیدن درخواست‌ها، افراد تحت تکفل و پیام‌ها و افزودن افراد تحت تکفل");
    expect(scopesPhrase(["FILE_QUESTIONS"])).toBe("ثبت پرسش");
  });
});
