import { beforeEach, describe, expect, it, vi } from "vitest";
import type { SessionUser } from "@/lib/server/auth/sessions";

// Every server action that needs a signed-in person, × every kind of visitor:
// the action checks the session itself, before it touches the database or the
// file store. The database here is a trap: reaching it means the visitor got
// past the action's own check (what happens next — whose request, which
// branch — is the use cases' business, tested in their integration tests).
const session = vi.hoisted(() => ({ user: null as SessionUser | null }));
const TOUCHED = "reached the database";
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({
  getDb: async () => {
    throw new Error(TOUCHED);
  },
}));
vi.mock("@/lib/adapters/storage/get-file-storage", () => ({
  getFileStorage: () =>
    new Proxy({}, {
      get() {
        throw new Error(TOUCHED);
      },
    }),
}));

const REQUEST_ID = "7cf0ae0e-bafe-43b5-ba8d-a63db7ab9cb4";
const form = (entries: Record<string, string>) => {
  const data = new FormData();
  for (const [k, v] of Object.entries(entries)) data.append(k, v);
  return data;
};
const state = { values: {}, fieldErrors: {} };
const staff = (role: "OFFICER" | "BRANCH_HEAD" | "ADMIN", branchId: string | null): SessionUser => ({
  kind: "staff",
  sessionId: "s",
  accountId: `staff-${role}-${branchId}`,
  personnelCode: "120101",
  displayName: "x",
  role,
  branchId,
});
const VISITORS: Record<string, SessionUser | null> = {
  anonymous: null,
  citizen: { kind: "citizen", sessionId: "s", accountId: "c1", nationalId: "0012345679", displayName: "x" },
  officer: staff("OFFICER", "b1201"),
  otherBranchOfficer: staff("OFFICER", "b1202"),
  head: staff("BRANCH_HEAD", "b1201"),
  admin: staff("ADMIN", null),
};

type Outcome = "→/login" | "→/staff/login" | "404" | "passes";
const outcome = async (run: () => Promise<unknown>): Promise<Outcome | string> => {
  try {
    // A form state back (e.g. "choose a file") also means the visitor got past the check.
    await run();
    return "passes";
  } catch (error) {
    const digest = String((error as { digest?: string }).digest ?? "");
    if (digest === "NEXT_HTTP_ERROR_FALLBACK;404") return "404";
    const target = /^NEXT_REDIRECT;[^;]*;([^;]+);/.exec(digest)?.[1];
    if (target) return `→${target}` as Outcome;
    if (error instanceof Error && error.message === TOUCHED) return "passes";
    return `unexpected: ${String(error)}`;
  }
};

const citizenOnly: Record<string, Outcome> = {
  anonymous: "→/login",
  citizen: "passes",
  officer: "→/login",
  otherBranchOfficer: "→/login",
  head: "→/login",
  admin: "→/login",
};
const branchStaff = (admin: Outcome): Record<string, Outcome> => ({
  anonymous: "→/staff/login",
  citizen: "404",
  officer: "passes",
  otherBranchOfficer: "passes",
  head: "passes",
  admin,
});
const adminOnly: Record<string, Outcome> = {
  anonymous: "→/staff/login",
  citizen: "404",
  officer: "404",
  otherBranchOfficer: "404",
  head: "404",
  admin: "passes",
};

const question = { domain: "INSURANCE", subject: "سابقه بیمه", body: "سابقه سال‌های ۱۳۸۰ تا ۱۳۸۵ من ثبت نشده است.", submissionId: crypto.randomUUID() };
const holiday = { jalaliDate: "1405/12/28", title: "روز آزمون" };

const ACTIONS: [string, () => Promise<(...args: never[]) => Promise<unknown>>, () => unknown[], Record<string, Outcome>][] = [
  ["fileQuestionAction", async () => (await import("./account/requests/new/actions")).fileQuestionAction, () => [state, form(question)], citizenOnly],
  ["resubmitAction", async () => (await import("./account/requests/[id]/actions")).resubmitAction, () => [REQUEST_ID, state, form({ note: "x" })], citizenOnly],
  ["dependentAction", async () => (await import("./account/dependents/new/actions")).dependentAction, () => [state, form({ step: "check" })], citizenOnly],
  ["changePasswordAction", async () => (await import("./account/password/actions")).changePasswordAction, () => [state, form({ currentPassword: "a", newPassword: "b", confirmPassword: "b" })], citizenOnly],
  ["claimAction", async () => (await import("./staff/requests/[id]/actions")).claimAction, () => [REQUEST_ID, state, form({})], branchStaff("passes")],
  ["decideAction", async () => (await import("./staff/requests/[id]/actions")).decideAction, () => [REQUEST_ID, state, form({ decision: "APPROVE", version: "2026-11-30T10:00:00.000Z" })], branchStaff("passes")],
  ["assignAction", async () => (await import("./staff/requests/[id]/actions")).assignAction, () => [REQUEST_ID, state, form({ assignee: REQUEST_ID, version: "2026-11-30T10:00:00.000Z" })], branchStaff("passes")],
  ["findCitizenAction", async () => (await import("./staff/file-on-behalf/actions")).findCitizenAction, () => [state, form({ nationalId: "0012345679" })], branchStaff("404")],
  ["fileOnBehalfAction", async () => (await import("./staff/file-on-behalf/actions")).fileOnBehalfAction, () => ["0012345679", state, form({ step: "check" })], branchStaff("404")],
  ["addHolidayAction", async () => (await import("./staff/admin/holidays/actions")).addHolidayAction, () => [state, form(holiday)], adminOnly],
  ["updateHolidayAction", async () => (await import("./staff/admin/holidays/actions")).updateHolidayAction, () => [state, form({ ...holiday, id: REQUEST_ID })], adminOnly],
  ["deleteHolidayAction", async () => (await import("./staff/admin/holidays/actions")).deleteHolidayAction, () => [state, form({ id: REQUEST_ID })], adminOnly],
  ["setWeekendDaysAction", async () => (await import("./staff/admin/holidays/actions")).setWeekendDaysAction, () => [state, form({ weekendDays: "5" })], adminOnly],
];

describe("server actions × visitors", () => {
  beforeEach(() => {
    session.user = null;
  });

  it("each action lets through only the visitors its role allows, before touching any data", async () => {
    const failures: string[] = [];
    let checked = 0;
    for (const [name, load, args, expected] of ACTIONS) {
      const action = (await load()) as (...a: unknown[]) => Promise<unknown>;
      for (const [visitor, user] of Object.entries(VISITORS)) {
        session.user = user;
        const actual = await outcome(() => action(...args()));
        checked++;
        if (actual !== expected[visitor]) failures.push(`${name} as ${visitor}: expected ${expected[visitor]}, got ${actual}`);
      }
    }
    console.log(`server actions: ${ACTIONS.length} actions × ${Object.keys(VISITORS).length} visitors = ${checked} pairs checked`);
    expect(failures).toEqual([]);
  });
});
