import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { AppError } from "@/lib/errors";
import type { Db } from "@/lib/server/db/prisma";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { listOutbox } from "./list-outbox";
import { sendSms } from "./send-sms";

describe(`outbox SMS on ${testEngine()}`, () => {
  let database: TestDatabase;
  let db: Db;
  beforeAll(async () => {
    database = await createTestDatabase();
    db = database.prisma();
  });
  afterAll(async () => {
    await database?.close();
  });
  beforeEach(async () => {
    await db.smsMessage.deleteMany();
  });

  it("stores a sent message and lists it", async () => {
    const { id } = await sendSms({ db, to: "09121234567", body: "کد ورود شما: ۱۲۳۴۵۶" });

    const row = await db.smsMessage.findUniqueOrThrow({ where: { id } });
    // A one-time code is marked as one: staff never see its text (listUndeliveredSms).
    expect(row).toMatchObject({ to: "09121234567", provider: "outbox", status: "SENT", attempts: 1, error: null, kind: "ONE_TIME_CODE" });
    expect(await listOutbox({ db })).toEqual([
      { id, to: "09121234567", body: "کد ورود شما: ۱۲۳۴۵۶", createdAt: row.createdAt },
    ]);
  });

  it("lists newest first, breaking ties on the same instant by id, up to the limit", async () => {
    const at = (iso: string) => new Date(iso);
    const ids = {
      old: "00000000-0000-4000-8000-000000000001",
      tieLow: "00000000-0000-4000-8000-000000000002",
      tieHigh: "00000000-0000-4000-8000-000000000003",
      newest: "00000000-0000-4000-8000-000000000004",
    };
    // Inserted out of order so the result cannot just follow insertion order.
    await db.smsMessage.createMany({
      data: [
        { id: ids.tieLow, to: "09120000002", body: "b", provider: "outbox", status: "SENT", createdAt: at("2026-01-02T10:00:00Z") },
        { id: ids.newest, to: "09120000004", body: "d", provider: "outbox", status: "SENT", createdAt: at("2026-01-03T10:00:00Z") },
        { id: ids.old, to: "09120000001", body: "a", provider: "outbox", status: "SENT", createdAt: at("2026-01-01T10:00:00Z") },
        { id: ids.tieHigh, to: "09120000003", body: "c", provider: "outbox", status: "SENT", createdAt: at("2026-01-02T10:00:00Z") },
      ],
    });

    const all = await listOutbox({ db });
    expect(all.map((m) => m.id)).toEqual([ids.newest, ids.tieHigh, ids.tieLow, ids.old]);
    expect(all.every((m) => Object.keys(m).sort().join() === "body,createdAt,id,to")).toBe(true);
    expect((await listOutbox({ db, limit: 2 })).map((m) => m.id)).toEqual([ids.newest, ids.tieHigh]);
  });

  it("leaves out messages that went through a real gateway, and lists those about to be delivered", async () => {
    await db.smsMessage.create({
      data: { to: "09121111111", body: "real", provider: "http", status: "SENT", providerMessageId: "gw-1" },
    });
    const { id } = await sendSms({ db, to: "09122222222", body: "outbox" });
    await db.smsMessage.create({ data: { to: "09123333333", body: "waiting", provider: "outbox", status: "QUEUED", nextAttemptAt: new Date() } });
    expect((await listOutbox({ db })).map((m) => m.to).sort()).toEqual(["09122222222", "09123333333"]);
    expect((await listOutbox({ db })).map((m) => m.id)).toContain(id);
  });

  it.each([0, -5, 1.5, 1001])("rejects a limit of %s", async (limit) => {
    await expect(listOutbox({ db, limit })).rejects.toSatisfy(
      (error: unknown) => error instanceof AppError && error.code === "INVALID_INPUT",
    );
  });
});
