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


/** The signed-in person behind a session id, or null when the session ended or never existed. */
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
  const session = await db.authSession.findUnique({
    where: { id: sessionId },
    select: {
      id: true,
      kind: true,
      lastSeenAt: true,
      expiresAt: true,
      revokedAt: true,
      citizen: { select: { id: true, nationalId: true, firstName: true, lastName: true } },
      staff: {
        select: { id: true, personnelCode: true, firstName: true, lastName: true, role: true, branchId: true, disabledAt: true },
      },
    },
  });
  if (!session || !isSessionActive(session, now)) return null;
  if (session.kind === "STAFF" && (!session.staff || session.staff.disabledAt)) return null;
  if (session.kind === "CITIZEN" && !session.citizen) return null;

  if (now.getTime() - session.lastSeenAt.getTime() > TOUCH_INTERVAL_MS) {
    await db.authSession.update({ where: { id: session.id }, data: { lastSeenAt: now }, select: { id: true } });
  }
  if (session.kind === "CITIZEN") {
    const c = session.citizen!;
    return { kind: "citizen", sessionId: session.id, accountId: c.id, nationalId: c.nationalId, displayName: `${c.firstName} ${c.lastName}` };
  }
  const s = session.staff!;
  return {
    kind: "staff",
    sessionId: session.id,
    accountId: s.id,
    personnelCode: s.personnelCode,
    displayName: `${s.firstName} ${s.lastName}`,
    role: s.role,
    branchId: s.branchId,
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
