import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth/sessions";

// Every action checks the session and the permission itself; nothing about a
// citizen is looked up for anyone but an officer or head of a branch.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({ getDb: async () => ({}) }));
const ZEINAB = { id: "c1", nationalId: "6978758371", firstName: "زینب", lastName: "رحیمی", mobile: "09128207763" };
const mocks = vi.hoisted(() => ({
  findBranchCitizen: vi.fn(),
  handleDependentForm: vi.fn(),
}));
vi.mock("@/lib/server/review/find-branch-citizen", () => ({ findBranchCitizen: mocks.findBranchCitizen }));
vi.mock("@/app/dependent-form-handler", () => ({ handleDependentForm: mocks.handleDependentForm }));

const { fileOnBehalfAction, findCitizenAction } = await import("./actions");

const staff = (role: "OFFICER" | "BRANCH_HEAD" | "ADMIN", branchId: string | null = "b1202"): SessionUser => ({
  kind: "staff",
  sessionId: "s",
  accountId: `staff-${role}`,
  personnelCode: "120201",
  displayName: "x",
  role,
  branchId,
});
const citizen: SessionUser = { kind: "citizen", sessionId: "s", accountId: "a", nationalId: "0012345679", displayName: "x" };

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const empty = { values: {}, fieldErrors: {} };

/** The digest Next gives the error that redirect() and notFound() throw. */
const digestOf = (run: () => Promise<unknown>) =>
  run().then(
    () => "returned",
    (error: unknown) => String((error as { digest?: string }).digest ?? error),
  );

const ACTIONS = {
  findCitizenAction: () => findCitizenAction(empty, form([["nationalId", ZEINAB.nationalId]])),
  fileOnBehalfAction: () => fileOnBehalfAction(ZEINAB.nationalId, empty, form([["step", "check"]])),
};

describe("file-on-behalf actions", () => {
  beforeEach(() => {
    for (const fn of Object.values(mocks)) fn.mockReset();
    mocks.findBranchCitizen.mockResolvedValue(ZEINAB);
    mocks.handleDependentForm.mockResolvedValue({ filed: { requestId: "r1", created: true } });
  });

  for (const [name, run] of Object.entries(ACTIONS)) {
    it(`${name}: signed out goes to the staff sign-in; citizens, administrators and staff without a branch get not-found`, async () => {
      session.user = null;
      expect(await digestOf(run)).toMatch(/^NEXT_REDIRECT;.*;\/staff\/login;/);
      for (const user of [citizen, staff("ADMIN", null), staff("OFFICER", null)]) {
        session.user = user;
        expect(await digestOf(run)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
      }
      for (const fn of Object.values(mocks)) expect(fn).not.toHaveBeenCalled();
    });
  }

  it("finds the citizen with the digits as typed in Persian, and goes on to their form", async () => {
    session.user = staff("BRANCH_HEAD");
    expect(await digestOf(() => findCitizenAction(empty, form([["nationalId", "۶۹۷۸ ۷۵۸۳۷۱"]])))).toMatch(
      /^NEXT_REDIRECT;.*;\/staff\/file-on-behalf\/6978758371;/,
    );
    expect(mocks.findBranchCitizen).toHaveBeenCalledWith(expect.objectContaining({ nationalId: "6978758371", staff: session.user }));
  });

  it("keeps what was typed and says why when the code is wrong or no one of the branch has it", async () => {
    session.user = staff("OFFICER");
    const wrong = await findCitizenAction(empty, form([["nationalId", "۱۲۳"]]));
    expect(wrong).toEqual({ values: { nationalId: "۱۲۳" }, fieldErrors: { nationalId: "کد ملی باید ده رقم باشد." } });
    expect(mocks.findBranchCitizen).not.toHaveBeenCalled();

    mocks.findBranchCitizen.mockResolvedValue(null);
    const elsewhere = await findCitizenAction(empty, form([["nationalId", "0012345679"]]));
    expect(elsewhere.values).toEqual({ nationalId: "0012345679" });
    expect(elsewhere.fieldErrors.nationalId).toContain("در این شعبه حساب کاربری در سامانه ندارد");
  });

  it("files as the officer for the citizen and opens the request in the staff workspace", async () => {
    session.user = staff("OFFICER");
    const data = form([["step", "enrol"]]);
    expect(await digestOf(() => fileOnBehalfAction(ZEINAB.nationalId, empty, data))).toMatch(/^NEXT_REDIRECT;.*;\/staff\/requests\/r1\?filed=1;/);
    expect(mocks.handleDependentForm).toHaveBeenCalledWith({ citizenId: ZEINAB.id, filedByStaffId: "staff-OFFICER", formData: data });

    // The same form posted again returns the request already filed.
    mocks.handleDependentForm.mockResolvedValue({ filed: { requestId: "r1", created: false } });
    expect(await digestOf(() => fileOnBehalfAction(ZEINAB.nationalId, empty, data))).toMatch(/\/staff\/requests\/r1\?filed=1;/);
  });

  it("returns the form state of a refusal as it is, and files nothing for a citizen not of the branch", async () => {
    session.user = staff("OFFICER");
    const refused = { values: { step: "check" }, fieldErrors: {}, formError: "x" };
    mocks.handleDependentForm.mockResolvedValue(refused);
    expect(await fileOnBehalfAction(ZEINAB.nationalId, empty, form([]))).toBe(refused);

    mocks.handleDependentForm.mockClear();
    mocks.findBranchCitizen.mockResolvedValue(null);
    const state = await fileOnBehalfAction("0012345679", empty, form([["dependentNationalId", "0065463552"]]));
    expect(state.formError).toContain("دیگر در این شعبه حساب کاربری ندارد");
    expect(state.values).toMatchObject({ dependentNationalId: "0065463552", step: "check" });
    expect(mocks.handleDependentForm).not.toHaveBeenCalled();

    expect(await digestOf(() => fileOnBehalfAction("not a code", empty, form([])))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
