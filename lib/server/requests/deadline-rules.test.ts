import { describe, expect, it } from "vitest";
import { tehranDate, type WorkCalendar } from "@/lib/utils/working-days";
import { responseWorkingDays } from "@/lib/domain/request-kinds";
import { dueAtAfter, pausedDeadline } from "./deadline-rules";

const calendar: WorkCalendar = { holidays: new Set(), weekendDays: new Set([4, 5]) };
// Saturday 2026-11-21 10:00 Tehran.
const saturday = new Date("2026-11-21T06:30:00Z");
const at = (days: number) => new Date(saturday.getTime() + days * 86_400_000);

describe("deadline rules", () => {
  it("gives insurance questions 3 working days and medical ones 7", () => {
    expect(responseWorkingDays("QUESTION", "INSURANCE")).toBe(3);
    expect(responseWorkingDays("QUESTION", "MEDICAL")).toBe(7);
    expect(responseWorkingDays("DEPENDENT_ENROLMENT", null)).toBe(3);
  });

  it("counts from receipt, skipping the Thursday-Friday weekend", () => {
    const due = dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events: [{ type: "SUBMITTED", at: saturday }], calendar });
    // Sunday, Monday, Tuesday: due at the end of Tuesday.
    expect(tehranDate(due!)).toBe("2026-11-24");
    const medical = dueAtAfter({ kind: "QUESTION", domain: "MEDICAL", events: [{ type: "SUBMITTED", at: saturday }], calendar });
    // Sun Mon Tue Wed, (Thu Fri off), Sat Sun Mon.
    expect(tehranDate(medical!)).toBe("2026-11-30");
  });

  it("stops while the request waits on the applicant, and moves the date by the pause", () => {
    const returned = [
      { type: "SUBMITTED" as const, at: saturday },
      { type: "RETURNED" as const, at: at(1) },
    ];
    expect(dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events: returned, calendar })).toBeNull();
    const resumed = dueAtAfter({
      kind: "QUESTION",
      domain: "INSURANCE",
      events: [...returned, { type: "RESUBMITTED" as const, at: at(3) }],
      calendar,
    });
    // Sunday counted; Monday-Tuesday paused (resumed Tuesday); then Wednesday and Saturday.
    expect(tehranDate(resumed!)).toBe("2026-11-28");
  });

  it("says since when a returned request is paused and how many working days will be left when the documents arrive", () => {
    const returned = [
      { type: "SUBMITTED" as const, at: saturday },
      { type: "RETURNED" as const, at: at(1) },
    ];
    // Due Tuesday; returned on Sunday, which counts: Monday and Tuesday are left.
    expect(pausedDeadline({ kind: "QUESTION", domain: "INSURANCE", events: returned, calendar })).toEqual({ since: at(1), workingDaysLeft: 2 });
    // And that is what the resumed deadline gives: resumed Tuesday, due two working days later (Wednesday, Saturday).
    const resumed = dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events: [...returned, { type: "RESUBMITTED" as const, at: at(3) }], calendar });
    expect(tehranDate(resumed!)).toBe("2026-11-28");
    // A second return counts the first pause: resumed Tuesday (due Saturday), returned again Wednesday: one day left.
    const again = [...returned, { type: "RESUBMITTED" as const, at: at(3) }, { type: "RETURNED" as const, at: at(4) }];
    expect(pausedDeadline({ kind: "QUESTION", domain: "INSURANCE", events: again, calendar })).toEqual({ since: at(4), workingDaysLeft: 1 });
    // Returned after its deadline had passed: nothing left.
    const late = [{ type: "SUBMITTED" as const, at: saturday }, { type: "RETURNED" as const, at: at(7) }];
    expect(pausedDeadline({ kind: "QUESTION", domain: "INSURANCE", events: late, calendar })!.workingDaysLeft).toBeLessThan(0);
    // Not paused: no pause to describe.
    expect(pausedDeadline({ kind: "QUESTION", domain: "INSURANCE", events: [{ type: "SUBMITTED" as const, at: saturday }], calendar })).toBeNull();
    expect(pausedDeadline({ kind: "QUESTION", domain: "INSURANCE", events: [...returned, { type: "RESUBMITTED" as const, at: at(3) }], calendar })).toBeNull();
  });

  it("has no deadline once decided", () => {
    const events = [
      { type: "SUBMITTED" as const, at: saturday },
      { type: "ANSWERED" as const, at: at(1) },
    ];
    expect(dueAtAfter({ kind: "QUESTION", domain: "INSURANCE", events, calendar })).toBeNull();
  });
});
