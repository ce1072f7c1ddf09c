import { describe, expect, it } from "vitest";
import { canClaim, canDecide, canReassign, canSeeRequest, canWatchDeadlines, type StaffActor } from "./staff-access";

const officer: StaffActor = { accountId: "o1", role: "OFFICER", branchId: "b1" };
const otherOfficer: StaffActor = { accountId: "o2", role: "OFFICER", branchId: "b1" };
const officerElsewhere: StaffActor = { accountId: "o3", role: "OFFICER", branchId: "b2" };
const head: StaffActor = { accountId: "h1", role: "BRANCH_HEAD", branchId: "b1" };
const admin: StaffActor = { accountId: "a1", role: "ADMIN", branchId: null };

const open = { branchId: "b1", status: "SUBMITTED" as const, assignedStaffId: null };
const held = { branchId: "b1", status: "IN_REVIEW" as const, assignedStaffId: "o1" };

describe("staff access", () => {
  it("shows a request only to officers and heads of its branch", () => {
    expect(canSeeRequest(officer, open)).toBe(true);
    expect(canSeeRequest(head, open)).toBe(true);
    expect(canSeeRequest(officerElsewhere, open)).toBe(false);
    expect(canSeeRequest(admin, open)).toBe(false);
    expect(canSeeRequest(officer, { branchId: null })).toBe(false);
  });

  it("lets one owner claim an unheld, undecided request", () => {
    expect(canClaim(officer, open)).toBe(true);
    expect(canClaim(otherOfficer, held)).toBe(false);
    expect(canClaim(officer, { ...open, status: "APPROVED" })).toBe(false);
    expect(canClaim(officer, { ...open, status: "RETURNED" })).toBe(false);
    expect(canClaim(officerElsewhere, open)).toBe(false);
  });

  it("lets only the holder decide", () => {
    expect(canDecide(officer, held)).toBe(true);
    expect(canDecide(otherOfficer, held)).toBe(false);
    expect(canDecide(head, held)).toBe(false);
    expect(canDecide(officer, open)).toBe(false);
    expect(canDecide(officer, { ...held, status: "RETURNED" })).toBe(false);
  });

  it("lets only the branch head reassign, and only undecided requests", () => {
    expect(canReassign(head, held)).toBe(true);
    expect(canReassign(officer, held)).toBe(false);
    expect(canReassign(head, { ...held, branchId: "b2" })).toBe(false);
    expect(canReassign(head, { ...held, status: "REJECTED" })).toBe(false);
  });

  it("shows the deadline dashboard to branch heads only", () => {
    expect(canWatchDeadlines(head)).toBe(true);
    expect(canWatchDeadlines(officer)).toBe(false);
    expect(canWatchDeadlines(admin)).toBe(false);
  });
});
