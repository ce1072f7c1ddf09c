import fs from "node:fs";
import path from "node:path";
import { beforeEach, describe, expect, it, vi } from "vitest";
import { ALL_REQUEST_KINDS, decisionsFor, type DecisionType } from "@/lib/domain/request-kinds";
import { RequestKind } from "@/lib/generated/prisma/enums";
import type { MandateScope } from "@/lib/domain/mandates";
import type { SessionUser } from "@/lib/server/auth/sessions";

// Every server action that needs a signed-in person, × every kind of visitor:
// the action checks the session itself, before it touches the database or the
// file store. The database here is a trap: reaching it means the visitor got
// past the action's own check (what happens next — whose request, which
// branch — is the use cases' business, tested in their integration tests).
const session = vi.hoisted(() => ({ user: null as SessionUser | null, db: null as unknown }));
const TOUCHED = "reached the database";
vi.mock("@/lib/server/auth/session-cookie", () => ({ getCurrentUser: async () => session.user }));
vi.mock("@/lib/server/db/prisma", () => ({
  // The per-kind rows below hand out a database that answers one question.
  getDb: async () => {
    if (session.db) return session.db;
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
const citizen: SessionUser = { kind: "citizen", sessionId: "s", accountId: "c1", nationalId: "0012345679", displayName: "x" };
// A helper with a principal's file open under a mandate (docs/decisions/020): with
// each scope alone, with all, and after the mandate ran out or was revoked (the
// session resolves both alike: the mandate is no longer live).
const helper = (scopes: MandateScope[]): SessionUser => ({
  ...citizen,
  accountId: "c2",
  nationalId: "9639508683",
  acting: {
    status: "active",
    mandateId: "m1",
    principalId: "c1",
    principalNationalId: "0012345679",
    principalName: "x",
    scopes,
    endsAt: new Date("2027-03-01T00:00:00Z"),
  },
});
const endedHelper = (mandateId: string): SessionUser => ({ ...citizen, accountId: "c2", acting: { status: "ended", mandateId, principalName: "x" } });
const VISITORS: Record<string, SessionUser | null> = {
  anonymous: null,
  citizen,
  helperAll: helper(["VIEW", "FILE_QUESTIONS", "ENROL_DEPENDENTS", "BOOK_VISITS"]),
  helperView: helper(["VIEW"]),
  helperQuestions: helper(["FILE_QUESTIONS"]),
  helperDependents: helper(["ENROL_DEPENDENTS"]),
  helperVisits: helper(["BOOK_VISITS"]),
  helperExpired: endedHelper("m-expired"),
  helperRevoked: endedHelper("m-revoked"),
  officer: staff("OFFICER", "b1201"),
  otherBranchOfficer: staff("OFFICER", "b1202"),
  head: staff("BRANCH_HEAD", "b1201"),
  admin: staff("ADMIN", null),
};

type Outcome = `→/${string}` | "404" | "passes" | "refused";
const outcome = async (run: () => Promise<unknown>, refusal?: string): Promise<Outcome | string> => {
  try {
    // A form state back (e.g. "choose a file") also means the visitor got past the check.
    const state = await run();
    const formError = (state as { formError?: string } | undefined)?.formError;
    // Where a refusal is expected, any other message is neither passing nor that refusal.
    if (refusal && formError) return formError === refusal ? "refused" : `form error: ${formError}`;
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

const HELPERS = ["helperAll", "helperView", "helperQuestions", "helperDependents", "helperVisits", "helperExpired", "helperRevoked"] as const;
const SCOPES_OF: Record<(typeof HELPERS)[number], MandateScope[]> = {
  helperAll: ["VIEW", "FILE_QUESTIONS", "ENROL_DEPENDENTS", "BOOK_VISITS"],
  helperView: ["VIEW"],
  helperQuestions: ["FILE_QUESTIONS"],
  helperDependents: ["ENROL_DEPENDENTS"],
  helperVisits: ["BOOK_VISITS"],
  helperExpired: [],
  helperRevoked: [],
};
const notCitizens: Record<string, Outcome> = {
  anonymous: "→/login",
  officer: "→/login",
  otherBranchOfficer: "→/login",
  head: "→/login",
  admin: "→/login",
};
/** On the signed-in citizen's file: a helper needs a live mandate with `scope`. */
const citizenFile = (scope: MandateScope): Record<string, Outcome> => ({
  ...notCitizens,
  citizen: "passes",
  ...Object.fromEntries(
    HELPERS.map((visitor) => [
      visitor,
      visitor === "helperExpired" || visitor === "helperRevoked"
        ? "→/account/acting?ended=1"
        : SCOPES_OF[visitor].includes(scope)
          ? "passes"
          : "→/account?notAllowed=1",
    ]),
  ),
});
/** The account holder's own settings: never while a helper has someone else's file open. */
const ownAccount: Record<string, Outcome> = {
  ...notCitizens,
  citizen: "passes",
  ...Object.fromEntries(HELPERS.map((visitor) => [visitor, "→/account/acting?own=1"])),
};
/** Any signed-in citizen, helper or not (choosing whose file is open). */
const anyCitizen: Record<string, Outcome> = { ...notCitizens, citizen: "passes", ...Object.fromEntries(HELPERS.map((visitor) => [visitor, "passes"])) };
const citizensAnd = (outcome: Outcome) => ({ citizen: outcome, ...Object.fromEntries(HELPERS.map((visitor) => [visitor, outcome])) });
const branchStaff = (admin: Outcome): Record<string, Outcome> => ({
  anonymous: "→/staff/login",
  ...citizensAnd("404"),
  officer: "passes",
  otherBranchOfficer: "passes",
  head: "passes",
  admin,
});
const adminOnly: Record<string, Outcome> = {
  anonymous: "→/staff/login",
  ...citizensAnd("404"),
  officer: "404",
  otherBranchOfficer: "404",
  head: "404",
  admin: "passes",
};

const headsAndAdmin: Record<string, Outcome> = { ...adminOnly, head: "passes" };
const headOnly: Record<string, Outcome> = { ...adminOnly, head: "passes", admin: "404" };

const question = { domain: "INSURANCE", subject: "سابقه بیمه", body: "سابقه سال‌های ۱۳۸۰ تا ۱۳۸۵ من ثبت نشده است.", submissionId: crypto.randomUUID() };
const holiday = { jalaliDate: "1405/12/28", title: "روز آزمون" };

const ACTIONS: [string, () => Promise<(...args: never[]) => Promise<unknown>>, () => unknown[], Record<string, Outcome>][] = [
  ["fileQuestionAction", async () => (await import("./account/requests/new/actions")).fileQuestionAction, () => [state, form(question)], citizenFile("FILE_QUESTIONS")],
  // Seeing the returned request is enough to reach the use case, which checks the kind's own scope (resubmit-request.ts).
  ["resubmitAction", async () => (await import("./account/requests/[id]/actions")).resubmitAction, () => [REQUEST_ID, state, form({ note: "x" })], citizenFile("VIEW")],
  ["dependentAction", async () => (await import("./account/dependents/new/actions")).dependentAction, () => [state, form({ step: "check" })], citizenFile("ENROL_DEPENDENTS")],
  ["changePasswordAction", async () => (await import("./account/password/actions")).changePasswordAction, () => [state, form({ currentPassword: "a", newPassword: "b", confirmPassword: "b" })], ownAccount],
  ["startCitizenEnrolmentAction", async () => (await import("./account/security/actions")).startCitizenEnrolmentAction, () => [], ownAccount],
  ["citizenEnrolAction", async () => (await import("./account/security/actions")).citizenEnrolAction, () => [state, form({ code: "123456" })], ownAccount],
  ["disableSecondFactorAction", async () => (await import("./account/security/actions")).disableSecondFactorAction, () => [state, form({ code: "123456" })], ownAccount],
  ["requestMandateAction", async () => (await import("./account/mandates/actions")).requestMandateAction, () => [state, form({ principalNationalId: "7198108121", scopes: "VIEW", months: "3" })], ownAccount],
  ["confirmMandateAction", async () => (await import("./account/mandates/actions")).confirmMandateAction, () => [REQUEST_ID, state, form({ code: "123456" })], ownAccount],
  ["revokeMandateAction", async () => (await import("./account/mandates/actions")).revokeMandateAction, () => [REQUEST_ID], ownAccount],
  ["openFileAction", async () => (await import("./account/acting/actions")).openFileAction, () => [form({ file: "self" })], anyCitizen],
  ["saveEmailAction", async () => (await import("./account/email/actions")).saveEmailAction, () => [state, form({ email: "person@example.ir" })], ownAccount],
  ["resendEmailLinkAction", async () => (await import("./account/email/actions")).resendEmailLinkAction, () => [state, form({})], ownAccount],
  ["removeEmailAction", async () => (await import("./account/email/actions")).removeEmailAction, () => [state, form({})], ownAccount],
  ["turnEmailNoticesOffAction", async () => (await import("./account/email/actions")).turnEmailNoticesOffAction, () => [state, form({})], ownAccount],
  ["turnEmailNoticesOnAction", async () => (await import("./account/email/actions")).turnEmailNoticesOnAction, () => [state, form({})], ownAccount],
  ["claimAction", async () => (await import("./staff/requests/[id]/actions")).claimAction, () => [REQUEST_ID, state, form({})], branchStaff("passes")],
  ["decideAction", async () => (await import("./staff/requests/[id]/actions")).decideAction, () => [REQUEST_ID, state, form({ decision: "APPROVE", version: "2026-11-30T10:00:00.000Z" })], branchStaff("passes")],
  ["assignAction", async () => (await import("./staff/requests/[id]/actions")).assignAction, () => [REQUEST_ID, state, form({ assignee: REQUEST_ID, version: "2026-11-30T10:00:00.000Z" })], branchStaff("passes")],
  ["findApplicantAction", async () => (await import("./staff/file-on-behalf/actions")).findApplicantAction, () => [state, form({ nationalId: "0012345679", birthDate: "1354/06/20" })], branchStaff("404")],
  ["fileOnBehalfAction", async () => (await import("./staff/file-on-behalf/actions")).fileOnBehalfAction, () => [{ nationalId: "0012345679", birthDate: "1354/06/20", mobile: null }, state, form({ step: "check" })], branchStaff("404")],
  ["addHolidayAction", async () => (await import("./staff/admin/holidays/actions")).addHolidayAction, () => [state, form(holiday)], adminOnly],
  ["updateHolidayAction", async () => (await import("./staff/admin/holidays/actions")).updateHolidayAction, () => [state, form({ ...holiday, id: REQUEST_ID })], adminOnly],
  ["deleteHolidayAction", async () => (await import("./staff/admin/holidays/actions")).deleteHolidayAction, () => [state, form({ id: REQUEST_ID })], adminOnly],
  ["confirmHolidayAction", async () => (await import("./staff/admin/holidays/actions")).confirmHolidayAction, () => [state, form({ id: REQUEST_ID })], adminOnly],
  ["setWeekendDaysAction", async () => (await import("./staff/admin/holidays/actions")).setWeekendDaysAction, () => [state, form({ weekendDays: "5" })], adminOnly],
  ["resetSecondFactorAction", async () => (await import("./staff/team/actions")).resetSecondFactorAction, () => [form({ staffId: REQUEST_ID })], headsAndAdmin],
  ["unlockStaffAction", async () => (await import("./staff/team/actions")).unlockStaffAction, () => [form({ staffId: REQUEST_ID })], headsAndAdmin],
  ["recordMandateAction", async () => (await import("./staff/mandates/actions")).recordMandateAction, () => [state, form({ helperNationalId: "9639508683", principalNationalId: "3537851685", scopes: "VIEW", months: "3", seenDocuments: "on" })], branchStaff("404")],
  ["retrySmsAction", async () => (await import("./staff/admin/messages/actions")).retrySmsAction, () => [form({ messageId: REQUEST_ID })], adminOnly],
  ["retryEmailAction", async () => (await import("./staff/admin/emails/actions")).retryEmailAction, () => [form({ emailId: REQUEST_ID })], adminOnly],
  ["bookMyVisitAction", async () => (await import("./account/visits/actions")).bookMyVisitAction, () => [form({ slotId: REQUEST_ID })], citizenFile("BOOK_VISITS")],
  ["moveMyVisitAction", async () => (await import("./account/visits/actions")).moveMyVisitAction, () => [form({ visitId: REQUEST_ID, slotId: REQUEST_ID })], citizenFile("BOOK_VISITS")],
  ["cancelMyVisitAction", async () => (await import("./account/visits/actions")).cancelMyVisitAction, () => [form({ visitId: REQUEST_ID })], citizenFile("BOOK_VISITS")],
  ["setVisitCapacityAction", async () => (await import("./staff/visits/actions")).setVisitCapacityAction, () => [form({ day: "2026-12-05", perSlot: "3" })], headOnly],
  ["markVisitAction", async () => (await import("./staff/visits/actions")).markVisitAction, () => [form({ visitId: REQUEST_ID, outcome: "ARRIVED", day: "2026-12-05" })], branchStaff("404")],
];

/** Every exported function of every "use server" file under app/: each is an endpoint anyone can post to. */
function discoverServerActions(): { file: string; name: string }[] {
  const found: { file: string; name: string }[] = [];
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.tsx?$/.test(entry.name) && !/\.test\.tsx?$/.test(entry.name)) {
        const source = fs.readFileSync(full, "utf8");
        if (!/^\s*(\/\/[^\n]*\n\s*)*["']use server["']/.test(source)) continue;
        for (const match of source.matchAll(/^export\s+(?:async\s+)?function\s+(\w+)|^export\s+const\s+(\w+)\s*=/gm)) {
          found.push({ file: path.relative(process.cwd(), full), name: (match[1] ?? match[2])! });
        }
      }
    }
  };
  walk(path.join(process.cwd(), "app"));
  return found;
}

/**
 * Actions open to anyone, on purpose, and why: they are how a person becomes
 * signed in, or they need no account. Each limits itself by rate (the
 * security suites and their own tests prove it), not by session.
 */
const PUBLIC_ACTIONS: Record<string, string> = {
  citizenSignInAction: "signing in",
  citizenSecondStepAction: "signing in: the pending sign-in cookie is the check",
  staffSignInAction: "signing in",
  staffSecondStepAction: "signing in: the pending sign-in cookie is the check",
  staffEnrolAction: "first sign-in of staff: the pending sign-in cookie is the check",
  signOutAction: "signing out ends whatever session there is",
  requestResetAction: "forgotten password",
  confirmResetCodeAction: "forgotten password: the reset cookie is the check",
  newPasswordAction: "forgotten password: the reset cookie is the check",
  requestUnlockAction: "a locked-out staff member unlocks their account",
  confirmUnlockAction: "a locked-out staff member unlocks their account: the unlock cookie is the check",
  nationalIdAction: "registration, before there is an account",
  mobileAction: "registration: the draft cookie is the check",
  verifyCodeAction: "registration: the draft cookie is the check",
  resendCodeAction: "registration: the draft cookie is the check",
  identityAction: "registration: the draft cookie is the check",
  accountAction: "registration: the draft cookie is the check",
  submitRegistrationAction: "registration: the draft cookie is the check",
  finishRegistrationAction: "registration: the draft cookie is the check",
  lookupRequestStatusAction: "the public status look-up by tracking code and national ID",
  confirmEmailAction: "the link confirming an email address: its one-time token (only its hash stored, a day, single use) is the proof, often opened on another device than the signed-in one",
  bookRefusedVisitAction: "a person refused at registration books a branch visit: the verified, refused draft cookie is the check",
  moveRefusedVisitAction: "a person refused at registration moves their own visit: the verified, refused draft cookie is the check",
  cancelRefusedVisitAction: "a person refused at registration cancels their own visit: the verified, refused draft cookie is the check",
  findVisitAction: "the public look-up of a booked visit by tracking code and national ID: it only sends a code to the booking's mobile",
  confirmVisitCodeAction: "the visit look-up: the signed visit cookie and the SMS code are the check",
  bookLookedUpVisitAction: "the visit look-up: the signed visit cookie, confirmed by the SMS code, is the check",
  moveLookedUpVisitAction: "the visit look-up: the signed visit cookie, confirmed by the SMS code, is the check",
  cancelLookedUpVisitAction: "the visit look-up: the signed visit cookie, confirmed by the SMS code, is the check",
};

// The decision rows per request kind, from the request-kind registry: the
// holder of a request of each kind may take exactly the decisions the registry
// lists for it; any other is refused before anything is written.
const VERSION = "2026-11-30T10:00:00.000Z";
const DECISION_FORMS: Record<DecisionType, Record<string, string>> = {
  APPROVE: { decision: "APPROVE", version: VERSION },
  REJECT: { decision: "REJECT", version: VERSION, reason: "DOCUMENTS_INVALID" },
  RETURN: { decision: "RETURN", version: VERSION, documents: "BIRTH_CERTIFICATE" },
  ANSWER: { decision: "ANSWER", version: VERSION, answer: "پاسخ کارشناس به پرسش شما این است." },
};
const NOT_APPLICABLE = "این تصمیم برای این نوع درخواست ممکن نیست.";
const KIND_ROWS = ALL_REQUEST_KINDS.flatMap((kind) =>
  (Object.keys(DECISION_FORMS) as DecisionType[]).map((decision) => ({
    kind,
    decision,
    expected: (decisionsFor(kind).includes(decision) ? "passes" : "refused") as Outcome,
  })),
);

/** A database that knows one request, held by `holder`, of `kind`; anything else it is asked is the write (TOUCHED). */
const oneRequestDb = (kind: RequestKind, holder: SessionUser & { kind: "staff" }) =>
  new Proxy(
    {
      request: {
        findUnique: async () => ({
          kind,
          branchId: holder.branchId,
          status: "IN_REVIEW",
          assignedStaffId: holder.accountId,
          applicantNationalId: "0012345679",
          updatedAt: new Date(VERSION),
        }),
      },
    },
    {
      get(target, property) {
        if (property === "request") return target.request;
        if (property === "then") return undefined;
        throw new Error(TOUCHED);
      },
    },
  );

describe("server actions × visitors", () => {
  beforeEach(() => {
    session.user = null;
    session.db = null;
  });

  it("has a row for every exported server action under app/ (a new action must be added here), or names it public with a reason", () => {
    const discovered = discoverServerActions();
    // The discovery itself works: it finds the actions this file already knows.
    expect(discovered.map((a) => a.name)).toEqual(expect.arrayContaining(ACTIONS.map(([name]) => name)));
    const rows = new Set([...ACTIONS.map(([name]) => name), ...Object.keys(PUBLIC_ACTIONS)]);
    const missing = discovered.filter((a) => !rows.has(a.name)).map((a) => `${a.name} (${a.file})`);
    expect(missing, "server actions with no row in app/actions-authorization.test.ts").toEqual([]);
    // And no row names an action that no longer exists.
    const names = new Set(discovered.map((a) => a.name));
    expect([...rows].filter((name) => !names.has(name))).toEqual([]);
  });

  it("lets the holder of a request of every kind take exactly the decisions the registry allows that kind", async () => {
    // Every kind of the schema has its rows (they come from the registry, which tsc keeps complete).
    expect(new Set(KIND_ROWS.map((row) => row.kind))).toEqual(new Set(Object.values(RequestKind)));
    const { decideAction } = await import("./staff/requests/[id]/actions");
    const officer = VISITORS.officer as SessionUser & { kind: "staff" };
    const failures: string[] = [];
    for (const row of KIND_ROWS) {
      session.user = officer;
      session.db = oneRequestDb(row.kind, officer);
      const actual = await outcome(() => decideAction(REQUEST_ID, state, form(DECISION_FORMS[row.decision])), NOT_APPLICABLE);
      if (actual !== row.expected) failures.push(`decideAction ${row.decision} on ${row.kind}: expected ${row.expected}, got ${actual}`);
    }
    console.log(`decisions: ${ALL_REQUEST_KINDS.length} kinds × ${Object.keys(DECISION_FORMS).length} decisions = ${KIND_ROWS.length} rows checked`);
    expect(failures).toEqual([]);
  }, 60_000);

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
    // Importing every action module takes seconds on a loaded machine.
  }, 60_000);
});
