import "server-only";
import { isUuid } from "@/lib/utils/uuid";
import type { Db } from "@/lib/server/db/prisma";
import { isSessionActive, SESSION_POLICY, TOUCH_INTERVAL_MS } from "./session-policy";

export type SessionUser =
  | { kind: "citizen"; sessionId: string; accountId: string; nationalId: string; displayName: string }
  | {
      kind: "staff";
      sessionId: string;
      accountId: string;
      personnelCode: string;
      displayName: string;
      role: "OFFICER" | "BRANCH_HEAD" | "ADMIN";
      branchId: string | null;
    };

export async function createSession({
  db,
  subject,
  now = new Date(),
}: {
  db: Db;
  subject: { kind: "CITIZEN"; citizenId: string } | { kind: "STAFF"; staffId: string };
  now?: Date;
}): Promise<{ id: string; expiresAt: Date }> {
  const expiresAt = new Date(now.getTime() + SESSION_POLICY[subject.kind].absoluteMs);
  return db.authSession.create({
    data: { ...subject, createdAt: now, lastSeenAt: now, expiresAt },
    select: { id: true, expiresAt: true },
  });
}


type SessionRow = {
  id: string;
  kind: "CITIZEN" | "STAFF";
  lastSeenAt: Date;
  expiresAt: Date;
  revokedAt: Date | null;
  citizenId: string | null;
  nationalId: string | null;
  citizenFirstName: string | null;
  citizenLastName: string | null;
  staffId: string | null;
  personnelCode: string | null;
  staffFirstName: string | null;
  staffLastName: string | null;
  role: "OFFICER" | "BRANCH_HEAD" | "ADMIN" | null;
  branchId: string | null;
  disabledAt: Date | null;
};

/**
 * The signed-in person behind a session id, or null when the session ended or never existed.
 *
 * Every page and action calls this, so it is one SQL statement (the session and
 * its account joined) rather than Prisma's nested select, which sends three and
 * compiles each in WebAssembly on the request's thread: 0.4 ms of CPU instead of
 * 1.3 ms (bench/README.md, "Where the time goes").
 */
export async function resolveSession({
  db,
  sessionId,
  now = new Date(),
}: {
  db: Db;
  sessionId: string;
  now?: Date;
}): Promise<SessionUser | null> {
  if (!isUuid(sessionId)) return null;
  const [session] = await db.$queryRaw<SessionRow[]>`
    SELECT s."id", s."kind"::text AS "kind", s."lastSeenAt", s."expiresAt", s."revokedAt",
           c."id" AS "citizenId", c."nationalId", c."firstName" AS "citizenFirstName", c."lastName" AS "citizenLastName",
           t."id" AS "staffId", t."personnelCode", t."firstName" AS "staffFirstName", t."lastName" AS "staffLastName",
           t."role"::text AS "role", t."branchId", t."disabledAt"
      FROM "AuthSession" s
      LEFT JOIN "CitizenAccount" c ON c."id" = s."citizenId"
      LEFT JOIN "StaffAccount" t ON t."id" = s."staffId"
     WHERE s."id" = ${sessionId}::uuid`;
  if (!session || !isSessionActive(session, now)) return null;

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now }, select: { id: true } });
  }
  if (session.kind === "CITIZEN") {
    if (!session.citizenId) return null;
    return {
      kind: "citizen",
      sessionId: session.id,
      accountId: session.citizenId,
      nationalId: session.nationalId!,
      displayName: `${session.citizenFirstName} ${session.citizenLastName}`,
    };
  }
  if (!session.staffId || session.disabledAt) return null;
  return {
    kind: "staff",
    sessionId: session.id,
    accountId: session.staffId,
    personnelCode: session.personnelCode!,
    displayName: `${session.staffFirstName} ${session.staffLastName}`,
    role: session.role!,
    branchId: session.branchId,
  };
}

export async function revokeSession({ db, sessionId, now = new Date() }: { db: Db; sessionId: string; now?: Date }) {
  if (!isUuid(sessionId)) return;
  await db.authSession.updateMany({ where: { id: sessionId, revokedAt: null }, data: { revokedAt: now } });
}

/** Ends every session of an account (password change, account disabled), but `except` if given. */
export async function revokeAllSessions({
  db,
  subject,
  except,
  now = new Date(),
}: {
  db: Db;
  subject: { citizenId: string } | { staffId: string };
  except?: string;
  now?: Date;
}) {
  await db.authSession.updateMany({
    where: { ...subject, revokedAt: null, ...(except ? { id: { not: except } } : {}) },
    data: { revokedAt: now },
  });
}
