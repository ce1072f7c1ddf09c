import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase, testEngine, type TestDatabase } from "@/tests/support/test-database";
import { createDraft, DRAFT_TTL_MS, findDraftByToken, updateDraft } from "./drafts";

describe(`a registration draft found by its cookie's token, on ${testEngine()}`, () => {
  let database: TestDatabase;
  beforeAll(async () => {
    database = await createTestDatabase();
  });
  afterAll(async () => {
    await database.close();
  });

  it("gives back every answer saved, with dates as dates", async () => {
    const { token, draft } = await createDraft({ db: database.prisma() });
    const answers = {
      nationalId: "0012345679",
      mobile: "09121234567",
      mobileVerifiedAt: new Date("2026-12-02T08:30:15.123Z"),
      firstName: "زهرا",
      lastName: "احمدی",
      fatherName: "علی",
      birthDate: "1340/05/17",
      email: "zahra@example.ir",
      passwordHash: "$argon2id$v=19$m=19456,t=2,p=1$c2FsdA$aGFzaA",
    };
    await updateDraft({ db: database.prisma(), draftId: draft.id, changes: answers });
    const found = await findDraftByToken({ db: database.prisma(), token });
    expect(found).toEqual({ id: draft.id, ...answers, requestId: null, expiresAt: expect.any(Date) });
    expect(found!.mobileVerifiedAt).toBeInstanceOf(Date);
  });

  it("finds a fresh draft with nothing answered yet", async () => {
    const { token, draft } = await createDraft({ db: database.prisma() });
    expect(await findDraftByToken({ db: database.prisma(), token })).toEqual(draft);
  });

  it("finds nothing for another token, a malformed one, or once the draft has expired", async () => {
    const now = new Date("2026-12-02T10:00:00Z");
    const { token } = await createDraft({ db: database.prisma(), now });
    const other = (await createDraft({ db: database.prisma(), now })).token;
    expect(await findDraftByToken({ db: database.prisma(), token: other.replace(/^./, other[0] === "A" ? "B" : "A"), now })).toBeNull();
    expect(await findDraftByToken({ db: database.prisma(), token: "not-a-token", now })).toBeNull();
    expect(await findDraftByToken({ db: database.prisma(), token: `${token}'; --`, now })).toBeNull();
    expect(await findDraftByToken({ db: database.prisma(), token, now: new Date(now.getTime() + DRAFT_TTL_MS - 1) })).not.toBeNull();
    expect(await findDraftByToken({ db: database.prisma(), token, now: new Date(now.getTime() + DRAFT_TTL_MS) })).toBeNull();
  });
});
