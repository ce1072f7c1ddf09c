import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { resetMobileOwnershipCheckForTests } from "@/lib/adapters/mobile-ownership/get-mobile-ownership-check";
import { startStubServer, type StubServer } from "@/tests/support/stub-server";
import { resetConfigForTests } from "@/lib/config";
import { makeNationalId } from "@/lib/utils/national-id";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { createDraft, updateDraft } from "./drafts";
import { startMobileVerification } from "./start-mobile-verification";
import { verifyRegistrationCode } from "./verify-registration-code";

// The operator's ownership service is a real HTTP stub here, so the test sees
// every question the portal asks it. 4652777612's listed number is his mother's.
const OWNERS: Record<string, string> = { "09103280787": "mother", "09106566815": "9633169380" };

describe(`registration step 2, the mobile number, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let operator: StubServer;
  const saved = { ...process.env };
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    operator = await startStubServer((request) => {
      const { mobile, nationalId } = request.json as { mobile: string; nationalId: string };
      return { status: 200, json: { owner: OWNERS[mobile] === nationalId } };
    });
    Object.assign(process.env, { MOBILE_OWNERSHIP_PROVIDER: "http", MOBILE_OWNERSHIP_URL: operator.url });
    resetConfigForTests();
    resetMobileOwnershipCheckForTests();
  });
  afterEach(() => {
    operator.requests.length = 0;
  });
  afterAll(async () => {
    process.env = saved;
    resetConfigForTests();
    resetMobileOwnershipCheckForTests();
    await operator.close();
    await database.close();
  });

  async function draftFor(nationalId: string) {
    const db = database.prisma();
    const { draft } = await createDraft({ db });
    await updateDraft({ db, draftId: draft.id, changes: { nationalId } });
    return { ...draft, nationalId };
  }
  const lastCodeTo = async (mobile: string) => {
    const message = await database.prisma().smsMessage.findFirst({ where: { to: mobile }, orderBy: { createdAt: "desc" } });
    return /(\d{6})/.exec(message?.body ?? "")?.[1] ?? "";
  };

  it("answers the same for the applicant's own number and for someone else's, without asking the operator", async () => {
    const db = database.prisma();
    const own = await startMobileVerification({ db, draft: await draftFor("9633169380"), mobile: "09106566815", ip: "198.51.100.1" });
    const others = await startMobileVerification({ db, draft: await draftFor("4652777612"), mobile: "09103280787", ip: "198.51.100.1" });
    expect(own).toEqual({ status: "CODE_SENT" });
    expect(others).toEqual(own);
    expect(operator.requests).toHaveLength(0);
  });

  it("asks the operator once the code comes back, and tells only the person holding the phone", async () => {
    const db = database.prisma();
    const draft = await draftFor("4652777612");
    await startMobileVerification({ db, draft, mobile: "09103280787", ip: "198.51.100.2", now: new Date(Date.now() + 120_000) });
    const code = await lastCodeTo("09103280787");
    const refused = await verifyRegistrationCode({ db, draft: { ...draft, mobile: "09103280787" }, code, now: new Date(Date.now() + 121_000) });
    expect(refused).toEqual({ ok: false, reason: "NOT_OWNER" });
    expect(operator.requests).toHaveLength(1);
    expect((await db.registrationDraft.findUniqueOrThrow({ where: { id: draft.id } })).mobileVerifiedAt).toBeNull();
  });

  it("limits the numbers tried for one national ID, and from one network", async () => {
    const db = database.prisma();
    const draft = await draftFor("9912830441");
    const tries = [];
    for (let n = 0; n < 7; n++) tries.push(await startMobileVerification({ db, draft, mobile: `0912${String(5550000 + n)}`, ip: `198.51.100.${10 + n}` }));
    expect(tries.slice(0, 6).every((result) => result.status === "CODE_SENT")).toBe(true);
    expect(tries[6]).toMatchObject({ status: "LOCKED" });

    const network = [];
    for (let n = 0; n < 21; n++) {
      network.push(await startMobileVerification({ db, draft: await draftFor(makeNationalId(String(444_000_000 + n))), mobile: `0935${String(5550000 + n)}`, ip: "203.0.113.9" }));
    }
    expect(network.slice(0, 20).every((result) => result.status === "CODE_SENT")).toBe(true);
    expect(network[20]).toMatchObject({ status: "LOCKED" });
  });
});
