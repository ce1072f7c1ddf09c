import { describe, expect, it } from "vitest";
import { deriveStatus, isFinal, isWaitingOnApplicant } from "./request-status";

const events = (...types: Parameters<typeof deriveStatus>[0][number]["type"][]) => types.map((type) => ({ type }));

describe("deriveStatus", () => {
  it("follows the history, the newest event deciding", () => {
    expect(deriveStatus(events("SUBMITTED"))).toBe("SUBMITTED");
    expect(deriveStatus(events("SUBMITTED", "ASSIGNED"))).toBe("IN_REVIEW");
    expect(deriveStatus(events("SUBMITTED", "ASSIGNED", "RETURNED"))).toBe("RETURNED");
    expect(deriveStatus(events("SUBMITTED", "ASSIGNED", "RETURNED", "RESUBMITTED"))).toBe("IN_REVIEW");
    expect(deriveStatus(events("SUBMITTED", "ASSIGNED", "APPROVED"))).toBe("APPROVED");
    expect(deriveStatus(events("SUBMITTED", "ANSWERED", "CLOSED"))).toBe("CLOSED");
  });
  it("keeps the status when the calendar moved the due date", () => {
    expect(deriveStatus(events("SUBMITTED", "DUE_DATE_MOVED"))).toBe("SUBMITTED");
    expect(deriveStatus(events("SUBMITTED", "ASSIGNED", "DUE_DATE_MOVED", "DUE_DATE_MOVED"))).toBe("IN_REVIEW");
  });
  it("knows which statuses stop the clock", () => {
    expect(isFinal("ANSWERED")).toBe(true);
    expect(isFinal("IN_REVIEW")).toBe(false);
    expect(isWaitingOnApplicant("RETURNED")).toBe(true);
  });
});
