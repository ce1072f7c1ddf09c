import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestKind, RequestStatus } from "@/lib/generated/prisma/enums";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { getDeadlineDashboard } from "./get-deadline-dashboard";
import type { StaffActor } from "./staff-access";

describe(`deadline dashboard on ${testEngine()}`, () => {
  let database: TestDatabase;
  const staff = new Map<string, StaffActor>();
  const branches = new Map<string, string>();
  // Saturday 2026-11-21, 10:00 in Tehran (UTC+03:30).
  const now = new Date("2026-11-21T06:30:00Z");
  const hours = (n: number) => n * 3_600_000;
  const hoursAgo = (n: number) => new Date(now.getTime() - hours(n));
  const endOfToday = new Date("2026-11-21T20:29:59.999Z");
  const startOfTomorrow = new Date("2026-11-21T20:30:00.000Z");
  let serial = 0;

  const actor = (personnelCode: string) => staff.get(personnelCode)!;

  async function request({
    waiting = [],
    branch = "1201",
    kind = "QUESTION",
    status = "SUBMITTED",
    holder = null,
    createdAt = hoursAgo(24),
    dueAt = null,
    decidedAt = null,
  }: {
    /** Spells waiting on the applicant: returned at `from`, documents back at `to`. */
    waiting?: { from: Date; to: Date }[];
    branch?: string;
    kind?: RequestKind;
    status?: RequestStatus;
    holder?: string | null;
    createdAt?: Date;
    dueAt?: Date | null;
    decidedAt?: Date | null;
  }) {
    serial++;
    await database.prisma().request.create({
      data: {
        trackingCode: String(1_000_000_000 + serial),
        applicantNationalId: "0012345679",
        branchId: branches.get(branch)!,
        kind,
        status,
        createdAt,
        dueAt,
        decidedAt,
        assignedStaffId: holder ? actor(holder).accountId : null,
        events: {
          create: [
            { type: "SUBMITTED", at: createdAt, actorKind: "CITIZEN" },
            ...waiting.flatMap(({ from, to }) => [
              { type: "RETURNED" as const, at: from, actorKind: "STAFF" as const },
              { type: "RESUBMITTED" as const, at: to, actorKind: "CITIZEN" as const },
            ]),
          ],
        },
      },
      select: { id: true },
    });
  }

  /**
   * A request decided `daysAgo` days before now, `handlingHours` after it was
   * received, plus `waitingHours` (from its fifth hour) waiting on the applicant.
   */
  const decided = (kind: RequestKind, holder: string | null, handlingHours: number, daysAgo = 2, branch = "1201", waitingHours = 0) => {
    const decidedAt = new Date(now.getTime() - daysAgo * 86_400_000);
    const createdAt = new Date(decidedAt.getTime() - hours(handlingHours + waitingHours));
    const returnedAt = new Date(createdAt.getTime() + hours(Math.min(5, handlingHours)));
    return request({
      branch,
      kind,
      status: kind === "QUESTION" ? "ANSWERED" : "APPROVED",
      holder,
      createdAt,
      decidedAt,
      waiting: waitingHours > 0 ? [{ from: returnedAt, to: new Date(returnedAt.getTime() + hours(waitingHours)) }] : [],
    });
  };

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    const db = database.prisma();
    await seedDemo({ db });
    for (const s of await db.staffAccount.findMany({ select: { id: true, personnelCode: true, role: true, branchId: true } })) {
      staff.set(s.personnelCode, { accountId: s.id, role: s.role, branchId: s.branchId });
    }
    for (const b of await db.branch.findMany({ select: { id: true, code: true } })) branches.set(b.code, b.id);

    // Branch 1201, open now.
    await request({ dueAt: endOfToday }); // due today, nobody holds it
    await request({ dueAt: startOfTomorrow }); // due tomorrow, nobody holds it
    await request({ dueAt: new Date("2026-11-21T05:00:00Z") }); // due earlier today: overdue, not "due today"
    await request({ kind: "DEPENDENT_ENROLMENT", status: "IN_REVIEW", holder: "120101", dueAt: hoursAgo(10) }); // overdue
    await request({ status: "IN_REVIEW", holder: "120101", dueAt: new Date(now.getTime() + 3 * 86_400_000) });
    await request({ kind: "DEPENDENT_ENROLMENT", status: "RETURNED", holder: "120102", dueAt: null }); // waiting on the applicant
    // Not the branch's work: registrations, closed and decided requests.
    await request({ kind: "REGISTRATION", dueAt: hoursAgo(48) });
    await request({ status: "CLOSED", holder: "120101", dueAt: null });

    // Branch 1201, decided in the last 30 days.
    await decided("QUESTION", "120101", 2);
    await decided("QUESTION", "120102", 4);
    await decided("QUESTION", "120101", 10);
    await decided("DEPENDENT_ENROLMENT", "120102", 20);
    await decided("DEPENDENT_ENROLMENT", "120102", 25.25);
    await decided("REGISTRATION", null, 0.01);
    // Decided too long ago to count.
    await decided("QUESTION", "120101", 100, 31);

    // Branch 1202.
    await request({ branch: "1202", dueAt: hoursAgo(30) });
    // Forty days from receipt to decision, of which 990 hours waiting on the applicant: 10 hours of handling.
    await decided("QUESTION", "120201", 10, 1, "1202", 990);
  });
  afterAll(() => database.close());

  it("shows a branch head the open, due-today and overdue requests of their branch", async () => {
    const dashboard = await getDeadlineDashboard({ db: database.prisma(), staff: actor("120190"), now });
    expect(dashboard).toMatchObject({ windowDays: 30, open: 6, dueToday: 1, overdue: 2, unassignedOpen: 3 });
  });

  it("gives the median handling time per kind over the last 30 days", async () => {
    const dashboard = await getDeadlineDashboard({ db: database.prisma(), staff: actor("120190"), now });
    expect(dashboard.byKind).toEqual([
      { kind: "DEPENDENT_ENROLMENT", decided: 2, medianHours: 22.6 },
      { kind: "QUESTION", decided: 3, medianHours: 4 },
    ]);
  });

  it("gives each officer of the branch their open and decided requests and median handling time", async () => {
    const dashboard = await getDeadlineDashboard({ db: database.prisma(), staff: actor("120190"), now });
    expect(dashboard.byOfficer).toEqual([
      { staffId: actor("120101").accountId, name: "مریم احمدی", open: 2, decided: 2, medianHours: 6 },
      { staffId: actor("120102").accountId, name: "رضا کریمی", open: 1, decided: 3, medianHours: 20 },
      { staffId: actor("120190").accountId, name: "زهرا موسوی", open: 0, decided: 0, medianHours: null },
    ]);
  });

  it("counts only the head's own branch, and handling time without the time spent waiting on the applicant", async () => {
    const dashboard = await getDeadlineDashboard({ db: database.prisma(), staff: actor("120290"), now });
    expect(dashboard).toMatchObject({ open: 1, dueToday: 0, overdue: 1, unassignedOpen: 1 });
    expect(dashboard.byKind).toEqual([{ kind: "QUESTION", decided: 1, medianHours: 10 }]);
    expect(dashboard.byOfficer).toEqual([
      { staffId: actor("120290").accountId, name: "فاطمه حسینی", open: 0, decided: 0, medianHours: null },
      { staffId: actor("120201").accountId, name: "علی رضایی", open: 0, decided: 1, medianHours: 10 },
    ]);
  });

  it("is not found for an officer or an administrator", async () => {
    for (const code of ["120101", "900001"]) {
      await expect(getDeadlineDashboard({ db: database.prisma(), staff: actor(code), now })).rejects.toMatchObject({ code: "NOT_FOUND" });
    }
  });
});
