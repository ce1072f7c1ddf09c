import "server-only";
import { Prisma } from "@/lib/generated/prisma/client";
import { isUuid } from "@/lib/utils/uuid";
import type { Db } from "@/lib/server/db/prisma";
import { readRows } from "@/lib/server/db/read-rows";
import { mandateState, type MandateScope } from "@/lib/domain/mandates";
import { isSessionActive, SESSION_POLICY, TOUCH_INTERVAL_MS } from "./session-policy";

/**
 * Whose file a signed-in helper has open: the principal's, under a live mandate,
 * or "ended" when the mandate was revoked or ran out since it was opened (every
 * file page and action then refuses until the helper chooses again).
 * docs/decisions/020-mandates.md
 */
export type ActingFor =
  | {
      status: "active";
      mandateId: string;
      principalId: string;
      principalNationalId: string;
      principalName: string;
      scopes: MandateScope[];
      endsAt: Date;
    }
  | { status: "ended"; mandateId: string; principalName: string };

export type SessionUser =
  | { kind: "citizen"; sessionId: string; accountId: string; nationalId: string; displayName: string; acting?: ActingFor | null }
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
  mandateId: string | null;
  mandateHelperId: string | null;
  mandateScopes: MandateScope[] | null;
  mandateEndsAt: Date | null;
  mandateGrantedAt: Date | null;
  mandateRevokedAt: Date | null;
  principalId: string | null;
  principalNationalId: string | null;
  principalFirstName: string | null;
  principalLastName: string | null;
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
  const [session] = await readRows<SessionRow>(db, Prisma.sql`
    SELECT s."id", s."kind"::text AS "kind", s."lastSeenAt", s."expiresAt", s."revokedAt",
           c."id" AS "citizenId", c."nationalId", c."firstName" AS "citizenFirstName", c."lastName" AS "citizenLastName",
           t."id" AS "staffId", t."personnelCode", t."firstName" AS "staffFirstName", t."lastName" AS "staffLastName",
           t."role"::text AS "role", t."branchId", t."disabledAt",
           m."id" AS "mandateId", m."helperId" AS "mandateHelperId", m."scopes"::text[] AS "mandateScopes",
           m."endsAt" AS "mandateEndsAt", m."grantedAt" AS "mandateGrantedAt", m."revokedAt" AS "mandateRevokedAt",
           p."id" AS "principalId", p."nationalId" AS "principalNationalId",
           p."firstName" AS "principalFirstName", p."lastName" AS "principalLastName"
      FROM "AuthSession" s
      LEFT JOIN "CitizenAccount" c ON c."id" = s."citizenId"
      LEFT JOIN "StaffAccount" t ON t."id" = s."staffId"
      LEFT JOIN "Mandate" m ON m."id" = s."actingMandateId"
      LEFT JOIN "CitizenAccount" p ON p."id" = m."principalId"
     WHERE s."id" = ${sessionId}::uuid`);
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
      acting: actingFor(session, now),
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

/** The open mandate of a session, checked on every request: revocation and expiry end it at once. */
function actingFor(session: SessionRow, now: Date): ActingFor | null {
  if (!session.mandateId) return null;
  const principalName = `${session.principalFirstName ?? ""} ${session.principalLastName ?? ""}`.trim();
  const live =
    session.mandateHelperId === session.citizenId &&
    session.principalId !== null &&
    mandateState({ grantedAt: session.mandateGrantedAt, revokedAt: session.mandateRevokedAt, endsAt: session.mandateEndsAt! }, now) === "ACTIVE";
  if (!live) return { status: "ended", mandateId: session.mandateId, principalName };
  return {
    status: "active",
    mandateId: session.mandateId,
    principalId: session.principalId!,
    principalNationalId: session.principalNationalId!,
    principalName,
    scopes: session.mandateScopes ?? [],
    endsAt: session.mandateEndsAt!,
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
