import { describe, expect, it } from "vitest";
import { canManageStaff, canSeeStaffList } from "./staff-accounts-policy";

const head = { accountId: "h", role: "BRANCH_HEAD" as const, branchId: "b1" };
const admin = { accountId: "a", role: "ADMIN" as const, branchId: null };
const officer = { accountId: "o", role: "OFFICER" as const, branchId: "b1" };

describe("canManageStaff", () => {
  it("lets a head manage the officers of the head's branch only", () => {
    expect(canManageStaff(head, { id: "o", role: "OFFICER", branchId: "b1" })).toBe(true);
    expect(canManageStaff(head, { id: "x", role: "OFFICER", branchId: "b2" })).toBe(false);
    expect(canManageStaff(head, { id: "h2", role: "BRANCH_HEAD", branchId: "b1" })).toBe(false);
    expect(canManageStaff(head, { id: "a", role: "ADMIN", branchId: null })).toBe(false);
  });

  it("lets the administrator manage every account but the administrator's own; officers none", () => {
    expect(canManageStaff(admin, { id: "h", role: "BRANCH_HEAD", branchId: "b1" })).toBe(true);
    expect(canManageStaff(admin, { id: "a", role: "ADMIN", branchId: null })).toBe(false);
    expect(canManageStaff(officer, { id: "o2", role: "OFFICER", branchId: "b1" })).toBe(false);
    expect(canManageStaff(head, { id: "h", role: "BRANCH_HEAD", branchId: "b1" })).toBe(false);
  });

  it("shows the list to heads and the administrator", () => {
    expect([head, admin, officer].map(canSeeStaffList)).toEqual([true, true, false]);
  });
});
