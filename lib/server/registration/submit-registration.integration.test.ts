import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { createDraft, updateDraft, type RegistrationDraft } from "./drafts";
import { submitRegistration } from "./submit-registration";

const person = (nationalId: string) => {
  const found = loadRegistryFixture().find((p) => p.nationalId === nationalId);
  if (!found) throw new Error(`fixture has no ${nationalId}`);
  return found;
};

describe(`registration submission on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(() => database.close());

  /** A finished draft for a fixture person, with optional wrong answers. */
  async function completedDraft(nationalId: string, overrides: Partial<RegistrationDraft> = {}) {
    const db = database.prisma();
    const p = person(nationalId);
    const { draft } = await createDraft({ db });
    const answers = {
      nationalId,
      mobile: p.mobile ?? "09120000000",
      mobileVerifiedAt: new Date(),
      firstName: p.firstName,
      lastName: p.lastName,
      fatherName: p.fatherName,
      birthDate: p.birthDate,
      email: null,
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdHNhbHQ$aGFzaGhhc2hoYXNoaGFzaA",
      ...overrides,
    };
    await updateDraft({ db, draftId: draft.id, changes: answers });
    return { ...draft, ...answers, requestId: null };
  }

  const smsTo = (mobile: string) =>
    database.prisma().smsMessage.findMany({ where: { to: mobile }, orderBy: { createdAt: "asc" }, select: { body: true } });

  it("opens the account of an insured person whose answers match the registry", async () => {
    const db = database.prisma();
    const family = person("6658477736");
    const result = await submitRegistration({ db, draft: await completedDraft("6658477736", { email: "gh@example.com" }), emailLinkBase: "https://es.example.ir" });
    expect(result.outcome).toBe("APPROVED");
    expect(result.trackingCode).toMatch(/^\d{10}$/);
    const account = await db.citizenAccount.findUnique({ where: { nationalId: "6658477736" } });
    expect(account).toMatchObject({ firstName: family.firstName, mobile: family.mobile, email: "gh@example.com" });
    const request = await db.request.findUnique({ where: { id: result.requestId }, include: { events: { orderBy: { at: "asc" } } } });
    expect(request?.events.map((e) => e.type)).toEqual(["SUBMITTED", "APPROVED"]);
    expect(request?.citizenId).toBe(account?.id);
    const messages = await smsTo(family.mobile!);
    expect(messages.at(-1)?.body).toContain("ثبت‌نام شما در سامانه خدمات غیرحضوری تأمین اجتماعی انجام شد");
    // The address given is unconfirmed: its link is queued with the account (docs/decisions/018), and no notice goes to it.
    expect(account?.emailVerifiedAt).toBeNull();
    const emails = await db.emailMessage.findMany({ where: { citizenId: account!.id }, select: { to: true, kind: true, textBody: true } });
    expect(emails).toEqual([{ to: "gh@example.com", kind: "EMAIL_VERIFICATION", textBody: expect.stringMatching(/https:\/\/es\.example\.ir\/email\/verify\?token=[\w-]{43}\n/) }]);
    expect(await db.emailVerification.count({ where: { citizenId: account!.id, email: "gh@example.com" } })).toBe(1);
  });

  it.each([
    ["a wrong father's name", "7404642231", { fatherName: "ناشناس" }, "IDENTITY_MISMATCH"],
    ["a wrong birth date", "7404642231", { birthDate: "1352/08/27" }, "IDENTITY_MISMATCH"],
    ["a deceased person", "3063194182", { mobile: "09129998877" }, "DECEASED"],
    ["a mobile in someone else's name", "4652777612", {}, "MOBILE_NOT_OWNED"],
    ["no insurance record", "7546653241", {}, "NO_INSURANCE"],
    ["an existing account", "0012345679", {}, "ALREADY_REGISTERED"],
  ] as const)("refuses %s, records why and tells them by SMS", async (_label, nationalId, overrides, outcome) => {
    const db = database.prisma();
    const draft = await completedDraft(nationalId, overrides);
    const before = await db.citizenAccount.count();
    const result = await submitRegistration({ db, draft });
    expect(result.outcome).toBe(outcome);
    expect(await db.citizenAccount.count()).toBe(before);
    const rejection = await db.requestEvent.findFirst({ where: { requestId: result.requestId, type: "REJECTED" } });
    expect(rejection?.reasonCode).toBe(outcome);
    expect((await smsTo(draft.mobile!)).at(-1)?.body).toContain("با مدارک هویتی به شعبه تأمین اجتماعی مراجعه کنید");
  });

  it("makes one request when the same draft is submitted twice at once", async () => {
    const db = database.prisma();
    const draft = await completedDraft("9912830441");
    const results = await Promise.all([submitRegistration({ db, draft }), submitRegistration({ db, draft })]);
    expect(results[0].requestId).toBe(results[1].requestId);
    expect(await db.request.count({ where: { applicantNationalId: "9912830441" } })).toBe(1);
    expect(await db.citizenAccount.count({ where: { nationalId: "9912830441" } })).toBe(1);
  });

  it("ends 20 racing registrations of one national ID with exactly one account", async () => {
    const db = database.prisma();
    const drafts = await Promise.all(Array.from({ length: 20 }, () => completedDraft("3983532128")));
    const results = await Promise.all(drafts.map((draft) => submitRegistration({ db, draft })));
    expect(await db.citizenAccount.count({ where: { nationalId: "3983532128" } })).toBe(1);
    expect(results.filter((r) => r.outcome === "APPROVED")).toHaveLength(1);
    expect(results.filter((r) => r.outcome === "ALREADY_REGISTERED")).toHaveLength(19);
    expect(new Set(results.map((r) => r.trackingCode)).size).toBe(20);
  });

  it("forgets the password hash of a submitted draft", async () => {
    const db = database.prisma();
    const draft = await completedDraft("9633169380");
    await submitRegistration({ db, draft });
    const row = await db.registrationDraft.findUnique({ where: { id: draft.id } });
    expect(row?.passwordHash).toBeNull();
  });
});
