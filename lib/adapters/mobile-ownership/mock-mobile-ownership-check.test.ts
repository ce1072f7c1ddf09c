import { describe, expect, it } from "vitest";
import { MockMobileOwnershipCheck } from "./mock-mobile-ownership-check";

describe("MockMobileOwnershipCheck", () => {
  const check = new MockMobileOwnershipCheck([
    { nationalId: "0012345679", mobile: "09121111111" },
    { nationalId: "0023456781", mobile: null },
    // A parent's number listed on a child's record: the parent, listed first, owns it.
    { nationalId: "0034567892", mobile: "09121111111" },
    { nationalId: "0045678903", mobile: "09352222222" },
  ]);

  it("confirms the owner of a number", async () => {
    expect(await check.isOwner({ mobile: "09121111111", nationalId: "0012345679" })).toBe(true);
    expect(await check.isOwner({ mobile: "09352222222", nationalId: "0045678903" })).toBe(true);
  });

  it("denies a second person who lists the same number", async () => {
    expect(await check.isOwner({ mobile: "09121111111", nationalId: "0034567892" })).toBe(false);
  });

  it("denies someone else's number and an unknown number", async () => {
    expect(await check.isOwner({ mobile: "09352222222", nationalId: "0012345679" })).toBe(false);
    expect(await check.isOwner({ mobile: "09190000000", nationalId: "0023456781" })).toBe(false);
  });
});
