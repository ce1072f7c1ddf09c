import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth/sessions";

// Every action checks the session itself; the use cases must never run for anyone but an administrator.
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({ getDb: async () => ({}) }));
const useCases = vi.hoisted(() => ({
  addHoliday: vi.fn(async () => ({})),
  updateHoliday: vi.fn(async () => ({})),
  deleteHoliday: vi.fn(async () => undefined),
  confirmHoliday: vi.fn(async () => ({})),
  setWeekendDays: vi.fn(async () => [4, 5]),
}));
vi.mock("@/lib/server/calendar/manage-holidays", () => useCases);

const { addHolidayAction, confirmHolidayAction, deleteHolidayAction, setWeekendDaysAction, updateHolidayAction } = await import("./actions");

const staff = (role: "OFFICER" | "BRANCH_HEAD" | "ADMIN"): SessionUser => ({
  kind: "staff",
  sessionId: "s",
  accountId: "a",
  personnelCode: "900001",
  displayName: "x",
  role,
  branchId: null,
});
const citizen: SessionUser = { kind: "citizen", sessionId: "s", accountId: "a", nationalId: "0012345679", displayName: "x" };

const form = (entries: [string, string][]) => {
  const data = new FormData();
  for (const [k, v] of entries) data.append(k, v);
  return data;
};
const holidayForm = () => form([["id", "00000000-0000-4000-8000-000000000000"], ["year", "1405"], ["jalaliDate", "1405/07/07"], ["title", "آزمون"]]);
const empty = { values: {}, fieldErrors: {} };

const ACTIONS = {
  addHolidayAction: () => addHolidayAction(empty, holidayForm()),
  updateHolidayAction: () => updateHolidayAction(empty, holidayForm()),
  deleteHolidayAction: () => deleteHolidayAction(empty, holidayForm()),
  confirmHolidayAction: () => confirmHolidayAction(empty, holidayForm()),
  setWeekendDaysAction: () => setWeekendDaysAction(empty, form([["weekendDays", "5"]])),
};

/** The digest Next gives the error that redirect() and notFound() throw. */
const digestOf = (run: () => Promise<unknown>) =>
  run().then(
    () => "returned",
    (error: unknown) => String((error as { digest?: string }).digest ?? error),
  );

describe("holiday actions", () => {
  beforeEach(() => {
    for (const fn of Object.values(useCases)) fn.mockClear();
  });

  for (const [name, run] of Object.entries(ACTIONS)) {
    it(`${name}: signed out goes to the staff sign-in, other roles get not-found, the admin gets through`, async () => {
      session.user = null;
      expect(await digestOf(run)).toMatch(/^NEXT_REDIRECT;.*;\/staff\/login;/);
      for (const user of [citizen, staff("OFFICER"), staff("BRANCH_HEAD")]) {
        session.user = user;
        expect(await digestOf(run)).toBe("NEXT_HTTP_ERROR_FALLBACK;404");
      }
      for (const fn of Object.values(useCases)) expect(fn).not.toHaveBeenCalled();

      session.user = staff("ADMIN");
      expect(await digestOf(run)).toMatch(/^NEXT_REDIRECT;.*;\/staff\/admin\/holidays\?/);
      expect(Object.values(useCases).filter((fn) => fn.mock.calls.length > 0)).toHaveLength(1);
    });
  }

  it("returns Persian field errors and the typed values when the form is wrong", async () => {
    session.user = staff("ADMIN");
    const state = await addHolidayAction(empty, form([["jalaliDate", "۱۴۰۵/۱۳/۰۱"], ["title", "  "]]));
    expect(state.values).toEqual({ jalaliDate: "۱۴۰۵/۱۳/۰۱", title: "  " });
    expect(state.fieldErrors).toEqual({
      jalaliDate: "تاریخ را به شکل سال/ماه/روز بنویسید، مانند ۱۴۰۵/۰۷/۰۷.",
      title: "عنوان تعطیلی را وارد کنید.",
    });
    const weekend = await setWeekendDaysAction(empty, form([]));
    expect(weekend.fieldErrors).toEqual({ weekendDays: "دست‌کم یک روز تعطیل هفتگی را انتخاب کنید." });
    expect(useCases.addHoliday).not.toHaveBeenCalled();
    expect(useCases.setWeekendDays).not.toHaveBeenCalled();
  });
});
