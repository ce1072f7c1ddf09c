import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import crypto from "node:crypto";
import type { Db } from "@/lib/server/db/prisma";
import { readRows } from "@/lib/server/db/read-rows";

export const DRAFT_TTL_MS = 24 * 60 * 60_000;

const DRAFT_SELECT = {
  id: true,
  nationalId: true,
  mobile: true,
  mobileVerifiedAt: true,
  firstName: true,
  lastName: true,
  fatherName: true,
  birthDate: true,
  email: true,
  passwordHash: true,
  requestId: true,
  expiresAt: true,
} as const;

export type RegistrationDraft = {
  id: string;
  nationalId: string | null;
  mobile: string | null;
  mobileVerifiedAt: Date | null;
  firstName: string | null;
  lastName: string | null;
  fatherName: string | null;
  birthDate: string | null;
  email: string | null;
  passwordHash: string | null;
  requestId: string | null;
  expiresAt: Date;
};

const hashToken = (token: string) => crypto.createHash("sha256").update(token).digest("hex");

/** A new draft and the random token that names it (the token goes in a cookie, its hash in the row). */
export async function createDraft({ db, now = new Date() }: { db: Db; now?: Date }) {
  const token = crypto.randomBytes(32).toString("base64url");
  const draft = await db.registrationDraft.create({
    data: { tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + DRAFT_TTL_MS) },
    select: DRAFT_SELECT,
  });
  return { token, draft: draft as RegistrationDraft };
}

export async function findDraftByToken({
  db,
  token,
  now = new Date(),
}: {
  db: Db;
  token: string;
  now?: Date;
}): Promise<RegistrationDraft | null> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
  // One plain statement, not the query API: every registration step reads the
  // draft, and Prisma 6 compiles each query-API call anew (docs/decisions/021).
  // The cast keeps the comparison on the column's type, so its unique index serves it.
  const [draft] = await readRows<RegistrationDraft>(db, Prisma.sql`
    SELECT "id", "nationalId", "mobile", "mobileVerifiedAt", "firstName", "lastName", "fatherName",
           "birthDate", "email", "passwordHash", "requestId", "expiresAt"
      FROM "RegistrationDraft"
     WHERE "tokenHash" = ${hashToken(token)}::char(64)`);
  if (!draft || draft.expiresAt.getTime() <= now.getTime()) return null;
  return draft;
}

export type DraftChanges = Partial<Omit<RegistrationDraft, "id" | "expiresAt" | "requestId">>;

/**
 * Saves answers. Each save keeps the draft for another 24 hours. A submitted
 * draft cannot change (the where clause), so a late form post is harmless.
 */
export async function updateDraft({
  db,
  draftId,
  changes,
  now = new Date(),
}: {
  db: Db;
  draftId: string;
  changes: DraftChanges;
  now?: Date;
}): Promise<boolean> {
  const result = await db.registrationDraft.updateMany({
    where: { id: draftId, requestId: null },
    data: { ...changes, expiresAt: new Date(now.getTime() + DRAFT_TTL_MS) },
  });
  return result.count === 1;
}

export async function deleteDraft({ db, draftId }: { db: Db; draftId: string }) {
  await db.registrationDraft.deleteMany({ where: { id: draftId } });
}

/**
 * Deletes drafts that expired before `olderThan` (the retention job; their rows
 * hold answers and, until submitted, a password hash). An expired draft is out of
 * reach already: its cookie finds nothing, submitted or not, and the request and
 * account of a submitted one keep what they need. Returns how many went.
 */
export async function pruneExpiredDrafts({ db, olderThan }: { db: Db; olderThan: Date }): Promise<number> {
  const { count } = await db.registrationDraft.deleteMany({ where: { expiresAt: { lt: olderThan } } });
  return count;
}
