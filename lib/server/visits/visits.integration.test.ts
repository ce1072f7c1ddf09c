import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { bookableDays, VISIT_SLOT_HOURS } from "@/lib/domain/branch-visits";
import { isAppError } from "@/lib/errors";
import { getWorkCalendar, invalidateWorkCalendar } from "@/lib/server/calendar/get-work-calendar";
import type { StaffActor } from "@/lib/server/review/staff-access";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { bookVisit, type VisitBooker } from "./book-visit";
import { cancelVisit, moveVisit } from "./change-visit";
import { listBranchDay } from "./list-branch-day";
import { listFreeSlots } from "./list-free-slots";
import { markVisit } from "./mark-visit";
import { remindVisits } from "./remind-visits";
import { verifyOneTimeCode } from "@/lib/server/otp/verify-one-time-code";
import { setVisitCapacity } from "./set-visit-capacity";
import { startVisitLookup } from "./start-visit-lookup";

// Wednesday 11 Azar 1405, 11:00 in Tehran.
const NOW = new Date("2026-12-02T07:30:00Z");

const rejectsWith = async (promise: Promise<unknown>, code: Parameters<typeof isAppError>[1]) => {
  const error = await promise.then(
    () => null,
    (e: unknown) => e,
  );
  expect(isAppError(error, code), `expected AppError(${code}), got ${String(error)}`).toBe(true);
};

describe(`branch visits on ${testEngine()}`, () => {
  let database: TestDatabase;
  const db = () => database.prisma();
  let head: StaffActor;
  let officer: StaffActor;
  let otherHead: StaffActor;
  let days: string[];
  let serial = 0;
  const person = (): VisitBooker => {
    serial++;
    return { nationalId: String(5_000_000_000 + serial), mobile: `0912${String(serial).padStart(7, "0")}`, citizenId: null, requestId: null };
  };

  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    const branch = await db().branch.create({
      data: { code: "9901", name: "شعبه آزمون", province: "تهران", city: "تهران", address: "تهران، خیابان آزمون، پلاک ۱", phone: "02100000000" },
    });
    const other = await db().branch.create({
      data: { code: "9902", name: "شعبه دیگر", province: "البرز", city: "کرج", address: "کرج، خیابان دیگر", phone: "02600000000" },
    });
    const staff = async (personnelCode: string, role: "OFFICER" | "BRANCH_HEAD", branchId: string): Promise<StaffActor> => {
      const row = await db().staffAccount.create({ data: { personnelCode, firstName: "آزمون", lastName: "آزمونی", role, branchId, passwordHash: "x" } });
      return { accountId: row.id, role, branchId };
    };
    head = await staff("990190", "BRANCH_HEAD", branch.id);
    officer = await staff("990101", "OFFICER", branch.id);
    otherHead = await staff("990290", "BRANCH_HEAD", other.id);
    days = bookableDays(NOW, await getWorkCalendar({ db: db(), now: NOW }));
  });
  afterAll(() => database.close());

  it("lets only a head open a working day, never a holiday, a weekend or today", async () => {
    await rejectsWith(setVisitCapacity({ db: db(), staff: officer, day: days[0]!, perSlot: 2, now: NOW }), "FORBIDDEN");
    // Thursday 3 December 2026 is a weekly closing day; today cannot be opened either.
    await rejectsWith(setVisitCapacity({ db: db(), staff: head, day: "2026-12-03", perSlot: 2, now: NOW }), "INVALID_INPUT");
    await rejectsWith(setVisitCapacity({ db: db(), staff: head, day: "2026-12-02", perSlot: 2, now: NOW }), "INVALID_INPUT");

    // A day opened, then declared a holiday: its slots are no longer offered nor bookable.
    const day = days[5]!;
    await setVisitCapacity({ db: db(), staff: head, day, perSlot: 2, now: NOW });
    expect((await listFreeSlots({ db: db(), branchId: head.branchId!, now: NOW })).map((d) => d.day)).toContain(day);
    const slot = await db().branchVisitSlot.findFirstOrThrow({ where: { branchId: head.branchId!, day: new Date(`${day}T00:00:00Z`) } });
    await db().holiday.create({ data: { date: new Date(`${day}T00:00:00Z`), title: "تعطیلی آزمون" } });
    invalidateWorkCalendar(db());
    await rejectsWith(setVisitCapacity({ db: db(), staff: head, day, perSlot: 2, now: NOW }), "INVALID_INPUT");
    const offered = await listFreeSlots({ db: db(), branchId: head.branchId!, now: NOW });
    expect(offered.map((d) => d.day)).not.toContain(day);
    expect(await bookVisit({ db: db(), booker: person(), slotId: slot.id, now: NOW })).toEqual({ booked: false, reason: "SLOT_UNAVAILABLE" });
    const calendar = await getWorkCalendar({ db: db(), now: NOW });
    for (const d of offered) {
      expect(calendar.holidays.has(d.day)).toBe(false);
      expect(calendar.weekendDays.has(new Date(`${d.day}T00:00:00Z`).getUTCDay())).toBe(false);
    }
  });

  it("makes exactly 3 bookings of 100 parallel ones for the last 3 seats", async () => {
    const day = days[1]!;
    await setVisitCapacity({ db: db(), staff: head, day, perSlot: 1, now: NOW });
    const slots = await db().branchVisitSlot.findMany({ where: { branchId: head.branchId!, day: new Date(`${day}T00:00:00Z`) }, orderBy: { startsAt: "asc" } });
    // Two of the five one-seat slots already taken: three seats left.
    for (const slot of slots.slice(0, 2)) expect(await bookVisit({ db: db(), booker: person(), slotId: slot.id, now: NOW })).toMatchObject({ booked: true });
    const last = slots.slice(2);
    const people = Array.from({ length: 100 }, () => person());
    const results = await Promise.all(people.map((booker, i) => bookVisit({ db: db(), booker, slotId: last[i % 3]!.id, now: NOW })));
    expect(results.filter((r) => r.booked)).toHaveLength(3);
    expect(results.filter((r) => !r.booked && r.reason === "SLOT_FULL")).toHaveLength(97);
    const after = await db().branchVisitSlot.findMany({ where: { id: { in: last.map((s) => s.id) } }, select: { booked: true, capacity: true } });
    expect(after).toEqual([{ booked: 1, capacity: 1 }, { booked: 1, capacity: 1 }, { booked: 1, capacity: 1 }]);
    expect(await db().branchVisit.count({ where: { slotId: { in: last.map((s) => s.id) }, status: "BOOKED" } })).toBe(3);
    // Each winner got one confirmation; the full day is said so.
    expect(await db().smsMessage.count({ where: { to: { in: people.map((p) => p.mobile) }, kind: "BRANCH_VISIT" } })).toBe(3);
    expect((await listFreeSlots({ db: db(), branchId: head.branchId!, now: NOW })).find((d) => d.day === day)).toEqual({ day, slots: [], full: true });
    // A head lowering the day's capacity keeps the booked seats.
    expect(await setVisitCapacity({ db: db(), staff: head, day, perSlot: 0, now: NOW })).toEqual({ keptForBooked: VISIT_SLOT_HOURS.length });
  });

  it("gives one person one booked visit however many times they click", async () => {
    const day = days[2]!;
    await setVisitCapacity({ db: db(), staff: head, day, perSlot: 10, now: NOW });
    const slot = await db().branchVisitSlot.findFirstOrThrow({ where: { branchId: head.branchId!, day: new Date(`${day}T00:00:00Z`) } });
    const me = person();
    const results = await Promise.all(Array.from({ length: 10 }, () => bookVisit({ db: db(), booker: me, slotId: slot.id, now: NOW })));
    expect(results.filter((r) => r.booked)).toHaveLength(1);
    expect(results.filter((r) => !r.booked && r.reason === "ALREADY_BOOKED")).toHaveLength(9);
    expect((await db().branchVisitSlot.findUniqueOrThrow({ where: { id: slot.id } })).booked).toBe(1);
  });

  it("moves and cancels a visit, gives seats back, texts each change, reminds once the day before", async () => {
    const [first, second] = [days[3]!, days[4]!];
    await setVisitCapacity({ db: db(), staff: head, day: first, perSlot: 1, now: NOW });
    await setVisitCapacity({ db: db(), staff: otherHead, day: second, perSlot: 1, now: NOW });
    const from = await db().branchVisitSlot.findFirstOrThrow({ where: { branchId: head.branchId!, day: new Date(`${first}T00:00:00Z`) } });
    const to = await db().branchVisitSlot.findFirstOrThrow({ where: { branchId: otherHead.branchId!, day: new Date(`${second}T00:00:00Z`) } });
    const me = person();
    const booked = await bookVisit({ db: db(), booker: me, slotId: from.id, now: NOW });
    if (!booked.booked) throw new Error("not booked");
    const stranger = person();
    expect(await moveVisit({ db: db(), visitId: booked.visitId, nationalId: stranger.nationalId, slotId: to.id, now: NOW })).toEqual({ changed: false, reason: "NOT_FOUND" });
    // With the calendar not in the cache (an administrator's edit drops it), as a move may find it.
    invalidateWorkCalendar();
    expect(await moveVisit({ db: db(), visitId: booked.visitId, nationalId: me.nationalId, slotId: to.id, now: NOW })).toEqual({ changed: true });
    expect((await db().branchVisitSlot.findUniqueOrThrow({ where: { id: from.id } })).booked).toBe(0);
    expect((await db().branchVisitSlot.findUniqueOrThrow({ where: { id: to.id } })).booked).toBe(1);
    // The new slot is now full: a move back to it by someone else is refused and leaves them where they were.
    const other = person();
    const theirs = await bookVisit({ db: db(), booker: other, slotId: from.id, now: NOW });
    if (!theirs.booked) throw new Error("not booked");
    expect(await moveVisit({ db: db(), visitId: theirs.visitId, nationalId: other.nationalId, slotId: to.id, now: NOW })).toEqual({ changed: false, reason: "SLOT_FULL" });
    expect((await db().branchVisit.findUniqueOrThrow({ where: { id: theirs.visitId } })).slotId).toBe(from.id);

    // The day before the visit, one reminder, however often the job runs.
    const dayBefore = new Date(Date.parse(`${second}T17:00:00+03:30`) - 86_400_000);
    expect(await remindVisits({ db: db(), now: dayBefore })).toBeGreaterThanOrEqual(1);
    await remindVisits({ db: db(), now: dayBefore });
    const texts = await db().smsMessage.findMany({ where: { to: me.mobile }, orderBy: { createdAt: "asc" }, select: { body: true } });
    expect(texts.map((t) => t.body)).toEqual([
      expect.stringContaining("ثبت شد"),
      expect.stringContaining("جابه‌جا شد"),
      expect.stringMatching(/^یادآوری: فردا .*کرج، خیابان دیگر.*کارت ملی/),
    ]);

    expect(await cancelVisit({ db: db(), visitId: booked.visitId, nationalId: me.nationalId, now: NOW })).toEqual({ changed: true });
    expect(await cancelVisit({ db: db(), visitId: booked.visitId, nationalId: me.nationalId, now: NOW })).toEqual({ changed: false, reason: "NOT_FOUND" });
    expect((await db().branchVisitSlot.findUniqueOrThrow({ where: { id: to.id } })).booked).toBe(0);
    // Cancelled: the person may book again.
    expect(await bookVisit({ db: db(), booker: me, slotId: to.id, now: NOW })).toMatchObject({ booked: true });
  });

  it("shows staff their branch's day, lets them mark a visitor on the day, and audits it", async () => {
    const day = days[0]!;
    await setVisitCapacity({ db: db(), staff: head, day, perSlot: 3, now: NOW });
    const slot = await db().branchVisitSlot.findFirstOrThrow({ where: { branchId: head.branchId!, day: new Date(`${day}T00:00:00Z`) } });
    const me = person();
    const booked = await bookVisit({ db: db(), booker: me, slotId: slot.id, now: NOW });
    if (!booked.booked) throw new Error("not booked");
    const list = await listBranchDay({ db: db(), staff: officer, day });
    expect(list.visits.map((v) => [v.trackingCode, v.nationalId, v.status])).toEqual([[booked.trackingCode, me.nationalId, "BOOKED"]]);
    expect((await listBranchDay({ db: db(), staff: otherHead, day })).visits).toEqual([]);
    // Not absent before the time has come; another branch does not find the visit.
    await rejectsWith(markVisit({ db: db(), staff: officer, visitId: booked.visitId, outcome: "NO_SHOW", now: NOW }), "INVALID_INPUT");
    const onTheDay = new Date(Date.parse(`${day}T09:00:00+03:30`));
    await rejectsWith(markVisit({ db: db(), staff: otherHead, visitId: booked.visitId, outcome: "ARRIVED", now: onTheDay }), "NOT_FOUND");
    await markVisit({ db: db(), staff: officer, visitId: booked.visitId, outcome: "ARRIVED", now: onTheDay });
    await rejectsWith(markVisit({ db: db(), staff: head, visitId: booked.visitId, outcome: "NO_SHOW", now: onTheDay }), "CONFLICT");
    // Someone who comes early is received and marked arrived; someone who does not come, after their slot.
    const early = person();
    const theirs = await bookVisit({ db: db(), booker: early, slotId: slot.id, now: NOW });
    if (!theirs.booked) throw new Error("not booked");
    await markVisit({ db: db(), staff: head, visitId: theirs.visitId, outcome: "ARRIVED", now: NOW });
    const absent = person();
    const missed = await bookVisit({ db: db(), booker: absent, slotId: slot.id, now: NOW });
    if (!missed.booked) throw new Error("not booked");
    await markVisit({ db: db(), staff: officer, visitId: missed.visitId, outcome: "NO_SHOW", now: new Date(Date.parse(`${day}T13:00:00+03:30`)) });
    expect((await listBranchDay({ db: db(), staff: head, day })).visits.map((v) => v.status).sort()).toEqual(["ARRIVED", "ARRIVED", "NO_SHOW"]);
    expect(await db().auditEntry.count({ where: { staffId: officer.accountId, action: "MARK_VISIT", subjectNationalId: me.nationalId } })).toBe(1);
  });

  it("opens a booked visit by its tracking code and national ID only with the code sent to the booking's mobile", async () => {
    const day = days[6]!;
    await setVisitCapacity({ db: db(), staff: head, day, perSlot: 2, now: NOW });
    const slot = await db().branchVisitSlot.findFirstOrThrow({ where: { branchId: head.branchId!, day: new Date(`${day}T00:00:00Z`) } });
    const me = person();
    const booked = await bookVisit({ db: db(), booker: me, slotId: slot.id, now: NOW });
    if (!booked.booked) throw new Error("not booked");
    expect(await startVisitLookup({ db: db(), trackingCode: booked.trackingCode, nationalId: person().nationalId, ip: "198.51.100.7", now: NOW })).toEqual({ found: false });
    const found = await startVisitLookup({ db: db(), trackingCode: booked.trackingCode, nationalId: me.nationalId, ip: "198.51.100.7", now: NOW });
    expect(found).toMatchObject({ found: true, visitId: booked.visitId, mobile: me.mobile, sent: { ok: true } });
    const text = await db().smsMessage.findFirstOrThrow({ where: { to: me.mobile, kind: "ONE_TIME_CODE" }, select: { body: true } });
    const code = /(\d{6})/.exec(text.body)![1]!;
    expect(await verifyOneTimeCode({ db: db(), purpose: "VISIT_LOOKUP", subjectId: booked.visitId, code: code === "000000" ? "111111" : "000000", now: NOW })).toMatchObject({ ok: false });
    expect(await verifyOneTimeCode({ db: db(), purpose: "VISIT_LOOKUP", subjectId: booked.visitId, code, now: NOW })).toMatchObject({ ok: true, mobile: me.mobile });
    // The network's look-ups are limited (the budget of /track): the 21st within 15 minutes is refused.
    for (let i = 0; i < 19; i++) await startVisitLookup({ db: db(), trackingCode: "1234567890", nationalId: me.nationalId, ip: "198.51.100.7", now: NOW });
    expect(await startVisitLookup({ db: db(), trackingCode: booked.trackingCode, nationalId: me.nationalId, ip: "198.51.100.7", now: NOW })).toMatchObject({ locked: true });
  });
});
