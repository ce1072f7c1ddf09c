import { describe, expect, it } from "vitest";
import { canManageUndeliveredSms, canRetrySms } from "./manage-undelivered-sms-policy";

describe("undelivered SMS policy", () => {
  it("is the administrator's alone", () => {
    expect(canManageUndeliveredSms({ role: "ADMIN" })).toBe(true);
    expect(canManageUndeliveredSms({ role: "BRANCH_HEAD" })).toBe(false);
    expect(canManageUndeliveredSms({ role: "OFFICER" })).toBe(false);
  });

  it("sends again only a notice given up on, never a one-time code", () => {
    expect(canRetrySms({ status: "DEAD", kind: "REQUEST_UPDATE" })).toBe(true);
    expect(canRetrySms({ status: "DEAD", kind: null })).toBe(true);
    expect(canRetrySms({ status: "DEAD", kind: "ONE_TIME_CODE" })).toBe(false);
    for (const status of ["QUEUED", "FAILED", "SENT"] as const) expect(canRetrySms({ status, kind: "REQUEST_UPDATE" })).toBe(false);
  });
});
