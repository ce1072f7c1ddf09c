import { describe, expect, it } from "vitest";
import { canOpenStep, nextRegistrationPath, type DraftProgress } from "./registration-steps";

const empty: DraftProgress = {
  nationalId: null,
  mobile: null,
  mobileVerifiedAt: null,
  firstName: null,
  lastName: null,
  fatherName: null,
  birthDate: null,
  passwordHash: null,
  requestId: null,
};
const complete: DraftProgress = {
  nationalId: "0012345679",
  mobile: "09121234567",
  mobileVerifiedAt: new Date(),
  firstName: "محمد",
  lastName: "رضایی",
  fatherName: "حسین",
  birthDate: "1354/06/20",
  passwordHash: "$argon2id$...",
  requestId: null,
};

describe("registration steps", () => {
  it("starts at the national ID without a draft", () => {
    expect(nextRegistrationPath(null)).toBe("/register/national-id");
    expect(canOpenStep("national-id", null)).toBe(true);
    expect(canOpenStep("mobile", null)).toBe(false);
  });

  it("sends the person to the first unfinished step", () => {
    expect(nextRegistrationPath({ ...empty, nationalId: "0012345679" })).toBe("/register/mobile");
    // A number typed but not yet confirmed with the code is not finished.
    expect(nextRegistrationPath({ ...complete, mobileVerifiedAt: null })).toBe("/register/mobile");
    expect(nextRegistrationPath({ ...complete, birthDate: null })).toBe("/register/identity");
    expect(nextRegistrationPath({ ...complete, passwordHash: null })).toBe("/register/account");
    expect(nextRegistrationPath(complete)).toBe("/register/review");
  });

  it("does not open a step before the earlier ones are done", () => {
    expect(canOpenStep("identity", { ...complete, mobileVerifiedAt: null })).toBe(false);
    expect(canOpenStep("review", { ...complete, passwordHash: null })).toBe(false);
    // Going back to change an answer is always allowed.
    expect(canOpenStep("mobile", complete)).toBe(true);
    expect(canOpenStep("review", complete)).toBe(true);
  });

  it("shows the result once submitted, and lets the person start again from the first step", () => {
    const submitted = { ...complete, requestId: "r1" };
    expect(nextRegistrationPath(submitted)).toBe("/register/result");
    expect(canOpenStep("review", submitted)).toBe(false);
    expect(canOpenStep("mobile", submitted)).toBe(false);
    expect(canOpenStep("national-id", submitted)).toBe(true);
  });
});
