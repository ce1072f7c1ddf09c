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
  it("knows which statuses stop the clock", () => {
    expect(isFinal("ANSWERED")).toBe(true);
    expect(isFinal("IN_REVIEW")).toBe(false);
    expect(isWaitingOnApplicant("RETURNED")).toBe(true);
  });
});
