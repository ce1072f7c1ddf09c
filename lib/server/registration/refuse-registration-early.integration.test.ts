import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { loadRegistryFixture } from "@/lib/fixtures/civil-registry-fixture";
import { seedDemo } from "@/lib/server/demo/seed-demo";
import { formatTrackingCode } from "@/lib/utils/tracking-code";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { createDraft, updateDraft, type RegistrationDraft } from "./drafts";
import { refuseRegistrationEarly } from "./refuse-registration-early";
import { startMobileVerification } from "./start-mobile-verification";
import { verifyRegistrationCode } from "./verify-registration-code";

const person = (nationalId: string) => {
  const found = loadRegistryFixture().find((p) => p.nationalId === nationalId);
  if (!found?.mobile) throw new Error(`fixture has no ${nationalId} with a mobile`);
  return { ...found, mobile: found.mobile };
};

// Fixture people (the demo's mock registry and operator answer for them).
const DAVOOD = "7546653241"; // alive, no insurance record
const MOHAMMAD = "0012345679"; // has an account
const ASGHAR = "8619674617"; // deceased
const GHOLAMREZA = "6658477736"; // insured, no account

describe(`registration refused as early as it is certain, on ${testEngine()}`, () => {
  let database: TestDatabase;
  let network = 0;
  beforeAll(async () => {
    process.env.NEXTAUTH_SECRET ??= "test-secret-test-secret-test-secret-0000";
    database = await createTestDatabase();
    await seedDemo({ db: database.prisma() });
  });
  afterAll(() => database.close());

  /** A draft up to the verification code sent to the person's own number; returns the draft and the code. */
  async function draftWithCode(nationalId: string): Promise<{ draft: RegistrationDraft; code: string }> {
    const db = database.prisma();
    const { mobile } = person(nationalId);
    const { draft } = await createDraft({ db });
    await updateDraft({ db, draftId: draft.id, changes: { nationalId } });
    await startMobileVerification({ db, draft: { ...draft, nationalId }, mobile, ip: `198.51.100.${++network}` });
    const message = await db.smsMessage.findFirst({ where: { to: mobile }, orderBy: { createdAt: "desc" } });
    return { draft: { ...draft, nationalId, mobile }, code: /(\d{6})/.exec(message?.body ?? "")![1]! };
  }

  const requestOf = (draftId: string) =>
    database.prisma().registrationDraft.findUniqueOrThrow({
      where: { id: draftId },
      select: { request: { select: { kind: true, trackingCode: true, events: { select: { type: true, reasonCode: true } } } } },
    });

  const identityOf = (nationalId: string) => {
    const p = person(nationalId);
    return { firstName: p.firstName, lastName: p.lastName, fatherName: p.fatherName, birthDate: p.birthDate };
  };

  it("ends at the verified mobile for an existing account, the owner confirmed by the operator: refusal recorded and sent by SMS", async () => {
    const db = database.prisma();
    const { draft, code } = await draftWithCode(MOHAMMAD);
    expect(await verifyRegistrationCode({ db, draft, code })).toEqual({ ok: false, reason: "REFUSED" });
    const { request } = await requestOf(draft.id);
    expect(request?.kind).toBe("REGISTRATION");
    expect(request?.events).toEqual(expect.arrayContaining([{ type: "REJECTED", reasonCode: "ALREADY_REGISTERED" }]));
    const sms = await db.smsMessage.findFirst({ where: { to: person(MOHAMMAD).mobile }, orderBy: { createdAt: "desc" } });
    expect(sms?.body).toContain(formatTrackingCode(request!.trackingCode));
  });

  it("lets an insured person without an account, and a person without insurance, go on past the mobile step", async () => {
    const db = database.prisma();
    for (const nationalId of [GHOLAMREZA, DAVOOD]) {
      const { draft, code } = await draftWithCode(nationalId);
      expect(await verifyRegistrationCode({ db, draft, code })).toMatchObject({ ok: true });
      expect((await requestOf(draft.id)).request).toBeNull();
    }
  });

  it("says nothing of an account unless the operator confirmed the owner", async () => {
    const db = database.prisma();
    const { draft } = await draftWithCode(MOHAMMAD);
    expect(await refuseRegistrationEarly({ db, draft: { ...draft, mobileVerifiedAt: new Date() }, step: "mobile", ownerConfirmed: false })).toBeNull();
    expect((await requestOf(draft.id)).request).toBeNull();
  });

  it("ends after the identity step for no insurance record, once the operator confirms the number is the person's own", async () => {
    const db = database.prisma();
    const { draft } = await draftWithCode(DAVOOD);
    const refused = await refuseRegistrationEarly({ db, draft: { ...draft, mobileVerifiedAt: new Date(), ...identityOf(DAVOOD) }, step: "identity" });
    expect(refused?.outcome).toBe("NO_INSURANCE");
    // An insured person with an account-free draft goes on.
    const other = await draftWithCode(GHOLAMREZA);
    expect(await refuseRegistrationEarly({ db, draft: { ...other.draft, mobileVerifiedAt: new Date(), ...identityOf(GHOLAMREZA) }, step: "identity" })).toBeNull();
  });

  it("ends after the identity step for a person the registry knows as deceased, by the names typed", async () => {
    const db = database.prisma();
    const asghar = person(ASGHAR);
    const identity = { firstName: asghar.firstName, lastName: asghar.lastName, fatherName: asghar.fatherName, birthDate: asghar.birthDate };
    const { draft } = await draftWithCode(ASGHAR);
    const verified = { ...draft, mobileVerifiedAt: new Date() };
    // Other names: not certain (the last step says the identity does not match).
    expect(await refuseRegistrationEarly({ db, draft: { ...verified, ...identity, fatherName: "ناشناس" }, step: "identity" })).toBeNull();
    const refused = await refuseRegistrationEarly({ db, draft: { ...verified, ...identity }, step: "identity" });
    expect(refused?.outcome).toBe("DECEASED");
    expect((await requestOf(draft.id)).request?.events).toEqual(expect.arrayContaining([{ type: "REJECTED", reasonCode: "DECEASED" }]));
    // Recorded once: asked again, nothing more happens.
    expect(await refuseRegistrationEarly({ db, draft: { ...verified, ...identity, requestId: refused!.requestId }, step: "identity" })).toBeNull();
  });
});
