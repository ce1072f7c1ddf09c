import { beforeEach, describe, expect, it, vi } from "vitest";
import { AppError } from "@/lib/errors";
import type { SessionUser } from "@/lib/server/auth/sessions";

// Every action checks the session and the permission itself; nothing about a
// citizen is looked up for anyone but an officer or head of a branch.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({ getDb: async () => ({}) }));
const ZEINAB = { citizenId: "c1", nationalId: "6978758371", birthDate: "1368/02/14", firstName: "زینب", lastName: "رحیمی", mobile: "09128207763" };
const ZEINAB_PERSON = { nationalId: ZEINAB.nationalId, birthDate: ZEINAB.birthDate, mobile: null };
const mocks = vi.hoisted(() => ({
  findBranchApplicant: vi.fn(),
  submitDependentForm: vi.fn(),
}));
vi.mock("@/lib/server/review/find-branch-applicant", async (importOriginal) => ({
  ...(await importOriginal<typeof import("@/lib/server/review/find-branch-applicant")>()),
  findBranchApplicant: mocks.findBranchApplicant,
}));
vi.mock("@/lib/server/dependents/submit-dependent-form", () => ({ submitDependentForm: mocks.submitDependentForm }));

const { fileOnBehalfAction, findApplicantAction } = await import("./actions");

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
  findApplicantAction: () => findApplicantAction(empty, form([["nationalId", ZEINAB.nationalId], ["birthDate", ZEINAB.birthDate]])),
  fileOnBehalfAction: () => fileOnBehalfAction(ZEINAB_PERSON, empty, form([["step", "check"]])),
};

describe("file-on-behalf actions", () => {
  beforeEach(() => {
    for (const fn of Object.values(mocks)) fn.mockReset();
    mocks.findBranchApplicant.mockResolvedValue({ found: true, applicant: ZEINAB });
    mocks.submitDependentForm.mockResolvedValue({ kind: "filed", requestId: "r1", created: true });
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

  it("finds the person with the digits as typed in Persian, and goes on to their form with the birth date (and a walk-in's mobile) in its address", async () => {
    session.user = staff("BRANCH_HEAD");
    const found = form([["nationalId", "۶۹۷۸ ۷۵۸۳۷۱"], ["birthDate", "۱۳۶۸/۰۲/۱۴"], ["mobile", ""]]);
    expect(await digestOf(() => findApplicantAction(empty, found))).toMatch(/^NEXT_REDIRECT;.*;\/staff\/file-on-behalf\/6978758371\?born=13680214;/);
    expect(mocks.findBranchApplicant).toHaveBeenCalledWith(expect.objectContaining({ nationalId: "6978758371", birthDate: "1368/02/14", mobile: null, staff: session.user }));

    const walkIn = form([["nationalId", "2153119839"], ["birthDate", "1375/08/01"], ["mobile", "۰۹۱۹ ۶۴۰ ۶۰۳۷"]]);
    expect(await digestOf(() => findApplicantAction(empty, walkIn))).toMatch(/\/staff\/file-on-behalf\/2153119839\?born=13750801&mobile=09196406037;/);
  });

  it("keeps what was typed and says why when a field is wrong, no one of the branch matches, the mobile is not theirs or the registry is down", async () => {
    session.user = staff("OFFICER");
    const wrong = await findApplicantAction(empty, form([["nationalId", "۱۲۳"], ["birthDate", "۱۳۶۸/۱۴/۰۲"], ["mobile", "0912"]]));
    expect(wrong.values).toEqual({ nationalId: "۱۲۳", birthDate: "۱۳۶۸/۱۴/۰۲", mobile: "0912" });
    expect(wrong.fieldErrors).toEqual({
      nationalId: "کد ملی باید ده رقم باشد.",
      birthDate: expect.stringContaining("تاریخ تولد را به شکل سال/ماه/روز بنویسید"),
      mobile: "شماره همراه باید یازده رقم باشد و با ۰۹ شروع شود.",
    });
    expect(mocks.findBranchApplicant).not.toHaveBeenCalled();

    const typed: [string, string][] = [["nationalId", "0012345679"], ["birthDate", "1354/06/20"], ["mobile", "09121234567"]];
    mocks.findBranchApplicant.mockResolvedValue({ found: false, reason: "NOT_HERE" });
    const elsewhere = await findApplicantAction(empty, form(typed));
    expect(elsewhere.values).toEqual(Object.fromEntries(typed));
    expect(elsewhere.fieldErrors.nationalId).toContain("در این شعبه پیدا نشد");

    mocks.findBranchApplicant.mockResolvedValue({ found: false, reason: "MOBILE_NOT_THEIRS" });
    const notTheirs = await findApplicantAction(empty, form(typed));
    expect(notTheirs.fieldErrors).toEqual({ mobile: expect.stringContaining("به نام این بیمه‌شده ثبت نشده است") });

    mocks.findBranchApplicant.mockRejectedValue(new AppError("REGISTRY_UNAVAILABLE"));
    const down = await findApplicantAction(empty, form(typed));
    expect(down).toMatchObject({ values: Object.fromEntries(typed), formError: expect.stringContaining("پاسخ نمی‌دهد") });
  });

  it("files as the officer for the person and opens the request in the staff workspace", async () => {
    session.user = staff("OFFICER");
    const data = form([["step", "enrol"]]);
    expect(await digestOf(() => fileOnBehalfAction(ZEINAB_PERSON, empty, data))).toMatch(/^NEXT_REDIRECT;.*;\/staff\/requests\/r1\?filed=1;/);
    expect(mocks.findBranchApplicant).toHaveBeenCalledWith(expect.objectContaining({ ...ZEINAB_PERSON, staff: session.user }));
    expect(mocks.submitDependentForm).toHaveBeenCalledWith({ applicant: ZEINAB, filedByStaffId: "staff-OFFICER", formData: data });

    // The same form posted again returns the request already filed.
    mocks.submitDependentForm.mockResolvedValue({ kind: "filed", requestId: "r1", created: false });
    expect(await digestOf(() => fileOnBehalfAction(ZEINAB_PERSON, empty, data))).toMatch(/\/staff\/requests\/r1\?filed=1;/);
  });

  it("returns the form state of a refusal as it is, and files nothing for a person no longer of the branch", async () => {
    session.user = staff("OFFICER");
    mocks.submitDependentForm.mockResolvedValue({ kind: "refused", values: { step: "check" }, refusal: { ok: false, reason: "ALREADY_COVERED" } });
    const refused = await fileOnBehalfAction(ZEINAB_PERSON, empty, form([]));
    expect(refused).toMatchObject({ values: { step: "check" }, fieldErrors: {} });
    expect(refused.formError).toContain("هم‌اکنون تحت پوشش بیمه شماست");

    mocks.submitDependentForm.mockClear();
    mocks.findBranchApplicant.mockResolvedValue({ found: false, reason: "NOT_HERE" });
    const state = await fileOnBehalfAction(ZEINAB_PERSON, empty, form([["dependentNationalId", "0065463552"]]));
    expect(state.formError).toContain("دیگر بیمه‌شده این شعبه نیست");
    expect(state.values).toMatchObject({ dependentNationalId: "0065463552", step: "check" });
    expect(mocks.submitDependentForm).not.toHaveBeenCalled();

    expect(await digestOf(() => fileOnBehalfAction({ ...ZEINAB_PERSON, nationalId: "not a code" }, empty, form([])))).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
  });
});
