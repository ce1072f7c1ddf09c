import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { RequestStatus } from "@/lib/generated/prisma/enums";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { headDigestSms } from "./remind-branch-heads";
import { officerReminderSms } from "./remind-officers";
import { waitingApplicantSms } from "./remind-waiting-applicants";
import { sendDailyReminders } from "./send-daily-reminders";

// Saturday 7 Azar 1405, 07:30 in Tehran (UTC+03:30): a working day; no holiday in the days around it.
const NOW = new Date("2026-11-28T04:00:00Z");
/** The last millisecond of a Tehran day, as due dates are stored. */
const endOfTehranDay = (isoDate: string) => new Date(Date.parse(`${isoDate}T23:59:59.999+03:30`));
const workingDaysBefore = (isoDate: string, hours = 10) => new Date(Date.parse(`${isoDate}T${String(hours).padStart(2, "0")}:00:00+03:30`));

describe(`deadline reminders on ${testEngine()}`, () => {
  let database: TestDatabase;
  const db = () => database.prisma();
  const ids = { branch: "", otherBranch: "", head: "", otherHead: "", officer: "", colleague: "", citizen: "" };
  let serial = 0;

  async function request({
    status,
    dueAt = null,
    branchId = ids.branch,
    holder = null,
    returnedAt,
  }: {
    status: RequestStatus;
    dueAt?: Date | null;
    branchId?: string;
    holder?: string | null;
    returnedAt?: Date;
  }) {
    serial++;
    const filedAt = new Date("2026-11-10T06:30:00Z");
    const row = await db().request.create({
      data: {
        trackingCode: String(3_000_000_000 + serial),
        applicantNationalId: "0012345679",
        citizenId: ids.citizen,
        branchId,
        kind: "QUESTION",
        domain: "INSURANCE",
        status,
        dueAt,
        createdAt: filedAt,
        assignedStaffId: holder,
        events: {
          create: [
            { type: "SUBMITTED", at: filedAt, actorKind: "CITIZEN" },
            ...(returnedAt ? [{ type: "RETURNED" as const, at: returnedAt, actorKind: "STAFF" as const }] : []),
          ],
        },
      },
      select: { trackingCode: true },
    });
    return row.trackingCode;
  }

  const messagesTo = (to: string) => db().smsMessage.findMany({ where: { to }, orderBy: { createdAt: "asc" }, select: { body: true, status: true, dedupeKey: true } });

  beforeAll(async () => {
    database = await createTestDatabase();
    const branch = (code: string, name: string) =>
      db().branch.create({ data: { code, name, province: "تهران", city: "تهران", address: "خیابان آزادی", phone: "02100000000" }, select: { id: true } });
    const staff = (personnelCode: string, role: "OFFICER" | "BRANCH_HEAD", branchId: string, mobile: string | null) =>
      db().staffAccount.create({ data: { personnelCode, firstName: "آزمون", lastName: personnelCode, role, branchId, passwordHash: "x", mobile }, select: { id: true } });
    ids.branch = (await branch("9901", "شعبه ۱ آزمون")).id;
    ids.otherBranch = (await branch("9902", "شعبه ۲ آزمون")).id;
    ids.head = (await staff("990190", "BRANCH_HEAD", ids.branch, "09120000190")).id;
    ids.otherHead = (await staff("990290", "BRANCH_HEAD", ids.otherBranch, "09120000290")).id;
    ids.officer = (await staff("990101", "OFFICER", ids.branch, "09120000101")).id;
    ids.colleague = (await staff("990102", "OFFICER", ids.branch, "09120000102")).id;
    ids.citizen = (
      await db().citizenAccount.create({
        data: { nationalId: "0012345679", mobile: "09121111111", firstName: "علی", lastName: "محمدی", fatherName: "حسن", birthDate: "1360/01/01", gender: "MALE", passwordHash: "x" },
        select: { id: true },
      })
    ).id;
  });
  afterAll(() => database.close());

  it("tells each head of the branch's due and overdue requests, each officer of what is due the next working day, and an applicant kept waiting five working days", async () => {
    // Branch 1: two due today (one held), one overdue, two due the next working day held by the officer, one later.
    await request({ status: "SUBMITTED", dueAt: endOfTehranDay("2026-11-28") });
    await request({ status: "IN_REVIEW", dueAt: endOfTehranDay("2026-11-28"), holder: ids.colleague });
    await request({ status: "IN_REVIEW", dueAt: endOfTehranDay("2026-11-24"), holder: ids.colleague });
    const dueNext = [
      await request({ status: "IN_REVIEW", dueAt: endOfTehranDay("2026-11-29"), holder: ids.officer }),
      await request({ status: "IN_REVIEW", dueAt: endOfTehranDay("2026-11-29"), holder: ids.officer }),
    ];
    await request({ status: "IN_REVIEW", dueAt: endOfTehranDay("2026-12-01"), holder: ids.colleague });
    // Decided: no deadline, never counted.
    await request({ status: "ANSWERED", holder: ids.officer });
    // Returned on Wed 19 Nov (1405/08/28): Sat, Sun, Mon, Tue, Wed and today are six working days; on Mon 24 Nov: three.
    const longWaiting = await request({ status: "RETURNED", returnedAt: workingDaysBefore("2026-11-19") });
    await request({ status: "RETURNED", returnedAt: workingDaysBefore("2026-11-24") });

    expect(await sendDailyReminders({ db: db(), now: NOW })).toEqual({ heads: 1, officers: 1, applicants: 1 });

    expect((await messagesTo("09120000190")).map((m) => m.body)).toEqual([headDigestSms({ branchName: "شعبه ۱ آزمون", dueToday: 2, overdue: 1 })]);
    expect(await messagesTo("09120000290")).toEqual([]);
    expect((await messagesTo("09120000101")).map((m) => m.body)).toEqual([officerReminderSms(dueNext)]);
    expect(await messagesTo("09120000102")).toEqual([]);
    const applicant = await messagesTo("09121111111");
    expect(applicant.map((m) => m.body)).toEqual([waitingApplicantSms(longWaiting, workingDaysBefore("2026-11-19"))]);
    expect(applicant[0]!.status).toBe("QUEUED");
    expect(headDigestSms({ branchName: "شعبه ۱ آزمون", dueToday: 2, overdue: 1 })).toContain("۲ درخواست موعد پاسخش امروز است و ۱ درخواست از موعد گذشته است");

    // Run again, and twice at once (two servers on the same schedule): nothing more is written.
    const again = await Promise.all([sendDailyReminders({ db: db(), now: NOW }), sendDailyReminders({ db: db(), now: new Date(NOW.getTime() + 3_600_000) })]);
    expect(again).toEqual([
      { heads: 0, officers: 0, applicants: 0 },
      { heads: 0, officers: 0, applicants: 0 },
    ]);
    expect(await db().smsMessage.count()).toBe(3);

    // The next morning (Sunday) the digest goes again; the applicant is not reminded twice for one return.
    const sunday = new Date(NOW.getTime() + 86_400_000);
    expect(await sendDailyReminders({ db: db(), now: sunday })).toMatchObject({ heads: 1, applicants: 0 });
  });

  it("sends no staff reminders on a day off", async () => {
    const toStaff = () => db().smsMessage.count({ where: { to: { startsWith: "0912000" } } });
    const before = await toStaff();
    // Friday 13 Azar 1405: the weekend. (The applicant returned on 24 Nov has now waited seven working days.)
    expect(await sendDailyReminders({ db: db(), now: new Date("2026-12-04T04:00:00Z") })).toEqual({ heads: 0, officers: 0, applicants: 1 });
    expect(await toStaff()).toBe(before);
  });
});
